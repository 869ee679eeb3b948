using System.Text;
using System.Text.RegularExpressions;
using LogicNets.Digital.Aig;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Tasks;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Tables;

namespace LogicNets.Digital.Export;

/// <summary>One export format: its name, and the files (extension, bytes) it writes for a circuit under a name.</summary>
public sealed record CircuitExport(string Name, string Extension, string Description, Func<HardCircuit, string, string, IReadOnlyList<(string Extension, byte[] Content)>> Write);

/// <summary>Every format a hard circuit is exported to, and the rules for the name each of them carries.</summary>
public static partial class CircuitExports
{
    public const string DefaultName = "logicnets_circuit";

    /// <summary>PLA lists every row of the table, so it is offered up to this many inputs (65 536 rows).</summary>
    public const int MaxPlaInputs = 16;

    private static IReadOnlyList<(string, byte[])> One(string extension, string text) => [(extension, Encoding.UTF8.GetBytes(text))];

    public static IReadOnlyList<CircuitExport> All { get; } =
    [
        new("verilog", ".v", "Verilog module", (c, name, _) => One(".v", VerilogExporter.Export(c, name))),
        new("c", ".c", "C function (64 rows per call) and its header .h", (c, name, stem) =>
            [(".c", Encoding.UTF8.GetBytes(CExporter.Export(c, name, stem + ".h"))), (".h", Encoding.UTF8.GetBytes(CExporter.Header(c, name)))]),
        new("dot", ".dot", "Graphviz drawing", (c, name, _) => One(".dot", DotExporter.Export(c, name))),
        new("json", ".json", "LogicNets circuit.json", (c, _, _) => One(".json", CircuitJson.Serialize(c))),
        new("aag", ".aag", "ASCII AIGER (and-inverter graph, structurally hashed)", (c, name, _) => [(".aag", AigerFormat.Write(AndInverterGraph.FromCircuit(c), false, name))]),
        new("aig", ".aig", "binary AIGER (the IWLS contest's format)", (c, name, _) => [(".aig", AigerFormat.Write(AndInverterGraph.FromCircuit(c), true, name))]),
        new("blif", ".blif", "Berkeley BLIF, one .names per gate", (c, name, _) => One(".blif", BlifFormat.Write(c, name))),
        new("pla", ".pla", $"Espresso PLA: every row of the table (at most {MaxPlaInputs} inputs)", (c, name, _) => One(".pla", Pla(c, name))),
    ];

    public static string ValidFormats => string.Join(", ", All.Select(f => f.Name));

    public static CircuitExport Get(string name) =>
        All.FirstOrDefault(f => f.Name == name.Trim().ToLowerInvariant())
        ?? throw new UserInputException($"unknown export format '{name}'; valid formats: {ValidFormats}");

    /// <summary>Refuses a name that is not an identifier in every format (C, Verilog, BLIF, DOT).</summary>
    public static string CheckName(string name) =>
        Identifier().IsMatch(name) ? name : throw new UserInputException($"--name '{name}' must be an identifier: a letter or _ followed by letters, digits or _");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex Identifier();

    /// <summary>The circuit's whole truth table as PLA rows (input 0 first).</summary>
    public static string Pla(HardCircuit circuit, string name)
    {
        if (circuit.InputCount > MaxPlaInputs)
            throw new UserInputException($"PLA export lists every row; the circuit has {circuit.InputCount} inputs, at most {MaxPlaInputs} are written (use aig, aag or blif)");
        int n = circuit.InputCount, m = circuit.Outputs.Count;
        var data = Dataset.WholeTable(n, m);
        var predicted = new CompiledCircuit(circuit).Predict(data);
        var table = new TruthTable(name, Names("x", n), Names("y", m), data.Inputs.Select(v => (byte)v).ToArray(), predicted.Select(v => v > 0.5f ? (byte)1 : (byte)0).ToArray(), null);
        var writer = new StringWriter();
        PlaFormat.Write(writer, table, $"{name}: LogicNets (.NET) hard circuit, {circuit}");
        return writer.ToString();
    }

    private static string[] Names(string prefix, int count) => Enumerable.Range(0, count).Select(i => $"{prefix}{i}").ToArray();
}
