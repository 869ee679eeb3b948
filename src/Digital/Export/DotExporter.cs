using System.Text;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Export;

/// <summary>A Graphviz digraph: inputs on top, gates labelled by function, outputs at the bottom.</summary>
public static class DotExporter
{
    public static string Export(HardCircuit circuit, string name = "logicnets_circuit")
    {
        var d = new StringBuilder();
        d.AppendLine($"digraph {name} {{");
        d.AppendLine("  rankdir=TB; node [fontname=\"Helvetica\"];");
        for (int i = 0; i < circuit.InputCount; i++) d.AppendLine($"  n{i} [label=\"x{i}\", shape=circle];");
        for (int i = 0; i < circuit.Gates.Count; i++)
        {
            var gate = circuit.Gates[i];
            int node = circuit.InputCount + i;
            d.AppendLine($"  n{node} [label=\"{gate.Op.Name()}\", shape=box];");
            var (usesA, usesB) = gate.Op.Dependencies();
            if (usesA) d.AppendLine($"  n{gate.A} -> n{node} [label=\"a\"];");
            if (usesB) d.AppendLine($"  n{gate.B} -> n{node} [label=\"b\"];");
        }
        for (int o = 0; o < circuit.Outputs.Count; o++)
        {
            d.AppendLine($"  y{o} [label=\"y{o}\", shape=doublecircle];");
            d.AppendLine($"  n{circuit.Outputs[o]} -> y{o};");
        }
        d.AppendLine("}");
        return d.ToString();
    }
}
