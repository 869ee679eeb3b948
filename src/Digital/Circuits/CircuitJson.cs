using System.Text.Json;
using System.Text.Json.Nodes;
using LogicNets.Digital.Gates;
using LogicNets.Tasks;

namespace LogicNets.Digital.Circuits;

/// <summary>
/// The JSON form of a hard circuit:
/// <code>
/// { "format": "logicnets-hard-circuit", "version": 1,
///   "inputs": 8,                         // nodes 0..7 are the input bits
///   "gates": [["XOR", 0, 4], ["AND", 0, 4], …],   // gate i is node inputs+i; it reads earlier nodes only
///   "outputs": [8, 13, …] }              // node of each output bit, least significant first
/// </code>
/// Gate names are those of <see cref="GateOps.Name"/>. Loading checks every field and names the first problem.
/// </summary>
public static class CircuitJson
{
    public const string Format = "logicnets-hard-circuit";
    public const int Version = 1;

    /// <summary>The circuit of a trained run, in its run folder.</summary>
    public const string FileName = "circuit.json";

    public static string Serialize(HardCircuit circuit)
    {
        var gates = new JsonArray();
        foreach (var g in circuit.Gates) gates.Add(new JsonArray(g.Op.Name(), g.A, g.B));
        var json = new JsonObject
        {
            ["format"] = Format,
            ["version"] = Version,
            ["inputs"] = circuit.InputCount,
            ["gates"] = gates,
            ["outputs"] = new JsonArray(circuit.Outputs.Select(o => (JsonNode)o).ToArray()),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + "\n";
    }

    /// <summary>Reads a circuit; any malformed input throws <see cref="UserInputException"/> naming the source and the field.</summary>
    public static HardCircuit Parse(string text, string source = "circuit")
    {
        try
        {
            return ParseFields(JsonNode.Parse(text), source);
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"not valid JSON ({e.Message})");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // System.Text.Json reports some malformed documents (duplicate keys) only when a node is first read.
            throw Invalid(source, $"malformed JSON ({e.Message})");
        }
    }

    private static HardCircuit ParseFields(JsonNode? root, string source)
    {
        if (root is not JsonObject obj) throw Invalid(source, "the top level must be an object");
        if (Text(Field(obj, "format", source), "format", source) != Format) throw Invalid(source, $"\"format\" must be \"{Format}\"");
        if (Int(Field(obj, "version", source), "version", source) != Version) throw Invalid(source, $"unsupported version; this build reads version {Version}");
        int inputs = Int(Field(obj, "inputs", source), "inputs", source);
        if (Field(obj, "gates", source) is not JsonArray gateArray) throw Invalid(source, "\"gates\" must be an array");
        if (Field(obj, "outputs", source) is not JsonArray outputArray) throw Invalid(source, "\"outputs\" must be an array");
        var gates = new List<Gate>(gateArray.Count);
        for (int i = 0; i < gateArray.Count; i++)
        {
            if (gateArray[i] is not JsonArray { Count: 3 } g) throw Invalid(source, $"gate {i} must be [\"NAME\", a, b]");
            GateOp op;
            try { op = GateOps.Parse(Text(g[0], $"gate {i} name", source)); }
            catch (UserInputException e) { throw Invalid(source, $"gate {i}: {e.Message}"); }
            gates.Add(new Gate(op, Int(g[1], $"gate {i} input a", source), Int(g[2], $"gate {i} input b", source)));
        }
        var outputs = outputArray.Select((o, i) => Int(o, $"output {i}", source)).ToArray();
        // The constructor checks the wiring (gates read earlier nodes, outputs name nodes); here that is the file's fault.
        try { return new HardCircuit(inputs, gates, outputs); }
        catch (ArgumentException e) { throw Invalid(source, e.Message); }
    }

    public static void Save(HardCircuit circuit, string path) =>
        LogicNets.Tasks.Files.AtomicFile.WriteAllText(path, Serialize(circuit));

    public static HardCircuit Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"circuit file '{path}' does not exist", path);
        return Parse(File.ReadAllText(path), path);
    }

    private static JsonNode? Field(JsonObject obj, string name, string source) =>
        obj.TryGetPropertyValue(name, out var node) ? node : throw Invalid(source, $"missing field \"{name}\"");

    private static int Int(JsonNode? node, string what, string source) =>
        node is JsonValue value && value.TryGetValue(out int number) ? number : throw Invalid(source, $"{what} must be a whole number");

    private static string Text(JsonNode? node, string what, string source) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : throw Invalid(source, $"{what} must be a string");

    private static UserInputException Invalid(string source, string problem) => new($"invalid circuit file '{source}': {problem}");
}
