using System.Text;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Export;

/// <summary>A C function evaluating 64 samples at once: bit k of x[i] is input i of sample k; and the header that declares it.</summary>
public static class CExporter
{
    /// <param name="header">The header's file name, included by the source when given.</param>
    public static string Export(HardCircuit circuit, string function = "logicnets_circuit", string? header = null)
    {
        var c = new StringBuilder();
        c.AppendLine($"/* LogicNets (.NET) hard circuit: {circuit}.");
        c.AppendLine("   Bit-parallel: bit k of x[i] is input i of sample k; bit k of y[o] is output o of sample k. */");
        c.AppendLine(header is null ? "#include <stdint.h>" : $"#include \"{header}\"");
        c.AppendLine();
        c.AppendLine($"void {function}(const uint64_t x[{circuit.InputCount}], uint64_t y[{circuit.Outputs.Count}])");
        c.AppendLine("{");
        var live = LiveGates.Of(circuit);
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

    /// <summary>The header: include guard, <c>stdint.h</c>, the widths as macros and the prototype (C and C++).</summary>
    public static string Header(HardCircuit circuit, string function = "logicnets_circuit")
    {
        string guard = $"{function.ToUpperInvariant()}_H";
        string upper = function.ToUpperInvariant();
        var h = new StringBuilder();
        h.AppendLine($"/* LogicNets (.NET) hard circuit: {circuit}. */");
        h.AppendLine($"#ifndef {guard}");
        h.AppendLine($"#define {guard}");
        h.AppendLine("#include <stdint.h>");
        h.AppendLine($"#define {upper}_INPUTS {circuit.InputCount}");
        h.AppendLine($"#define {upper}_OUTPUTS {circuit.Outputs.Count}");
        h.AppendLine("#ifdef __cplusplus");
        h.AppendLine("extern \"C\" {");
        h.AppendLine("#endif");
        h.AppendLine("/* Bit k of x[i] is input i of sample k; bit k of y[o] is output o of sample k (64 samples per call). */");
        h.AppendLine($"void {function}(const uint64_t x[{circuit.InputCount}], uint64_t y[{circuit.Outputs.Count}]);");
        h.AppendLine("#ifdef __cplusplus");
        h.AppendLine("}");
        h.AppendLine("#endif");
        h.AppendLine($"#endif /* {guard} */");
        return h.ToString();
    }

    private static string Node(HardCircuit circuit, int node) => node < circuit.InputCount ? $"x[{node}]" : $"g{node - circuit.InputCount}";
}
