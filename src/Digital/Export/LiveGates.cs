using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Export;

/// <summary>Which gates some output reads (through the inputs each gate actually uses): the ones an export writes.</summary>
public static class LiveGates
{
    public static bool[] Of(HardCircuit circuit)
    {
        var live = new bool[circuit.Gates.Count];
        foreach (int o in circuit.Outputs)
            if (o >= circuit.InputCount) live[o - circuit.InputCount] = true;
        for (int i = circuit.Gates.Count - 1; i >= 0; i--)
        {
            if (!live[i]) continue;
            var gate = circuit.Gates[i];
            var (usesA, usesB) = gate.Op.Dependencies();
            if (usesA && gate.A >= circuit.InputCount) live[gate.A - circuit.InputCount] = true;
            if (usesB && gate.B >= circuit.InputCount) live[gate.B - circuit.InputCount] = true;
        }
        return live;
    }
}
