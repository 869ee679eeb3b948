using System.Text;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Export;

/// <summary>A C function evaluating 64 samples at once: bit k of x[i] is input i of sample k.</summary>
public static class CExporter
{
    public static string Export(HardCircuit circuit, string function = "logicnets_circuit")
    {
        var c = new StringBuilder();
        c.AppendLine($"/* LogicNets (.NET) hard circuit: {circuit}.");
        c.AppendLine("   Bit-parallel: bit k of x[i] is input i of sample k; bit k of y[o] is output o of sample k. */");
        c.AppendLine("#include <stdint.h>");
        c.AppendLine();
        c.AppendLine($"void {function}(const uint64_t x[{circuit.InputCount}], uint64_t y[{circuit.Outputs.Count}])");
        c.AppendLine("{");
        var live = LiveGates(circuit);
        for (int i = 0; i < circuit.Gates.Count; i++)
        {
            if (!live[i]) continue; // no output depends on it: leaving it out keeps -Wall -Werror builds clean
            var gate = circuit.Gates[i];
            c.AppendLine($"    const uint64_t g{i} = {gate.Op.Expression(Node(circuit, gate.A), Node(circuit, gate.B), "UINT64_C(0)", "~UINT64_C(0)")};");
        }
        for (int o = 0; o < circuit.Outputs.Count; o++) c.AppendLine($"    y[{o}] = {Node(circuit, circuit.Outputs[o])};");
        c.AppendLine("}");
        return c.ToString();
    }

    private static bool[] LiveGates(HardCircuit circuit)
    {
        var live = new bool[circuit.Gates.Count];
        foreach (int o in circuit.Outputs)
            if (o >= circuit.InputCount) live[o - circuit.InputCount] = true;
        for (int i = circuit.Gates.Count - 1; i >= 0; i--)
        {
            if (!live[i]) continue;
            var gate = circuit.Gates[i];
            // The expression names both inputs only when the gate uses them; mark exactly what it will reference.
            var (usesA, usesB) = gate.Op.Dependencies();
            if (usesA && gate.A >= circuit.InputCount) live[gate.A - circuit.InputCount] = true;
            if (usesB && gate.B >= circuit.InputCount) live[gate.B - circuit.InputCount] = true;
        }
        return live;
    }

    private static string Node(HardCircuit circuit, int node) => node < circuit.InputCount ? $"x[{node}]" : $"g{node - circuit.InputCount}";
}
