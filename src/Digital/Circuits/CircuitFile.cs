using LogicNets.Digital.Aig;
using LogicNets.Digital.Export;
using LogicNets.Tasks;

namespace LogicNets.Digital.Circuits;

/// <summary>Loads a hard circuit from any file LogicNets reads: circuit.json, AIGER (.aag, .aig) or BLIF (.blif), by extension.</summary>
public static class CircuitFile
{
    public const string Extensions = ".json, .aag, .aig, .blif";

    public static HardCircuit Load(string path)
    {
        if (!File.Exists(path)) throw new UserInputException($"circuit file '{path}' does not exist");
        string extension = Path.GetExtension(path).ToLowerInvariant();
        var graph = extension switch
        {
            ".json" => null,
            ".aag" or ".aig" => AigerFormat.Read(path),
            ".blif" => BlifFormat.Read(path),
            _ => throw new UserInputException($"'{path}': unknown circuit file type '{extension}'; circuits are read from {Extensions}"),
        };
        if (graph is null) return CircuitJson.Load(path);
        if (graph.InputCount < 1) throw new UserInputException($"'{path}': the circuit has no inputs");
        if (graph.Outputs.Count < 1) throw new UserInputException($"'{path}': the circuit has no outputs");
        return graph.ToCircuit();
    }
}
