using System.Text;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Export;

/// <summary>A combinational Verilog module: <c>x</c> in, <c>y</c> out, one wire per gate.</summary>
public static class VerilogExporter
{
    public static string Export(HardCircuit circuit, string module = "logicnets_circuit")
    {
        var v = new StringBuilder();
        v.AppendLine($"// LogicNets (.NET) hard circuit: {circuit}");
        v.AppendLine($"module {module} (input wire [{circuit.InputCount - 1}:0] x, output wire [{circuit.Outputs.Count - 1}:0] y);");
        if (circuit.Gates.Count > 0) v.AppendLine($"  wire [{circuit.Gates.Count - 1}:0] g;");
        for (int i = 0; i < circuit.Gates.Count; i++)
        {
            var gate = circuit.Gates[i];
            v.AppendLine($"  assign g[{i}] = {gate.Op.Expression(Node(circuit, gate.A), Node(circuit, gate.B), "1'b0", "1'b1")};");
        }
        for (int o = 0; o < circuit.Outputs.Count; o++) v.AppendLine($"  assign y[{o}] = {Node(circuit, circuit.Outputs[o])};");
        v.AppendLine("endmodule");
        return v.ToString();
    }

    private static string Node(HardCircuit circuit, int node) => node < circuit.InputCount ? $"x[{node}]" : $"g[{node - circuit.InputCount}]";
}
