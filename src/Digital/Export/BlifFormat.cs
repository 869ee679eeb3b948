using System.Text;
using LogicNets.Digital.Aig;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;
using LogicNets.Tasks;

namespace LogicNets.Digital.Export;

/// <summary>
/// Berkeley BLIF, combinational subset: <c>.model .inputs .outputs .names .end</c>. Writing keeps one
/// <c>.names</c> per live gate; reading takes any single-output covers (any fan-in, ON- or OFF-set, in any order)
/// and builds them as an AIG. Latches, subcircuits and library gates are refused.
/// </summary>
public static class BlifFormat
{
    public static string Write(HardCircuit circuit, string model)
    {
        var b = new StringBuilder();
        b.AppendLine($"# LogicNets (.NET) hard circuit: {circuit}");
        b.AppendLine($".model {model}");
        b.AppendLine($".inputs {string.Join(' ', Enumerable.Range(0, circuit.InputCount).Select(i => $"x{i}"))}");
        b.AppendLine($".outputs {string.Join(' ', Enumerable.Range(0, circuit.Outputs.Count).Select(o => $"y{o}"))}");
        var live = LiveGates.Of(circuit);
        for (int i = 0; i < circuit.Gates.Count; i++)
        {
            if (!live[i]) continue;
            var gate = circuit.Gates[i];
            var (f00, f01, f10, f11) = gate.Op.Truth();
            var (usesA, usesB) = gate.Op.Dependencies();
            // Only the inputs the gate reads are named: the other may be a gate no output needs, which is not written.
            var fanins = new[] { (usesA, Node(circuit, gate.A)), (usesB, Node(circuit, gate.B)) }.Where(f => f.Item1).Select(f => f.Item2);
            b.AppendLine($".names {string.Join(' ', fanins.Append($"g{i}"))}");
            var cover = new HashSet<string>();
            foreach (var (a, bBit, on) in new[] { ('0', '0', f00), ('0', '1', f01), ('1', '0', f10), ('1', '1', f11) })
                if (on) cover.Add((usesA ? a.ToString() : "") + (usesB ? bBit.ToString() : ""));
            foreach (string row in cover.Order()) b.AppendLine(row.Length == 0 ? "1" : $"{row} 1");
        }
        for (int o = 0; o < circuit.Outputs.Count; o++)
        {
            b.AppendLine($".names {Node(circuit, circuit.Outputs[o])} y{o}");
            b.AppendLine("1 1");
        }
        b.AppendLine(".end");
        return b.ToString();
    }

    private static string Node(HardCircuit circuit, int node) => node < circuit.InputCount ? $"x{node}" : $"g{node - circuit.InputCount}";

    public static AndInverterGraph Read(string path)
    {
        var lines = Logical(File.ReadLines(path)).ToList();
        UserInputException Bad(int line, string problem) => new($"{path}:{line}: {problem}");
        string[]? inputs = null, outputs = null;
        var covers = new Dictionary<string, (int Line, string[] Fanins, List<(string Cube, char Value)> Rows)>();
        (int Line, string[] Fanins, List<(string, char)> Rows)? current = null;
        bool modelSeen = false;
        foreach (var (number, text) in lines)
        {
            string[] words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words[0].StartsWith('.'))
            {
                current = null;
                switch (words[0])
                {
                    case ".model":
                        if (modelSeen) throw Bad(number, "a second .model: only one model per file is read");
                        modelSeen = true;
                        break;
                    case ".inputs": inputs = [.. inputs ?? [], .. words[1..]]; break;
                    case ".outputs": outputs = [.. outputs ?? [], .. words[1..]]; break;
                    case ".names":
                        if (words.Length < 2) throw Bad(number, ".names needs at least an output signal");
                        string output = words[^1];
                        if (covers.ContainsKey(output)) throw Bad(number, $"signal '{output}' is defined twice");
                        var cover = (number, words[1..^1], new List<(string, char)>());
                        covers[output] = cover;
                        current = cover;
                        break;
                    case ".end": break;
                    case ".latch" or ".mlatch" or ".subckt" or ".gate" or ".search" or ".exdc":
                        throw Bad(number, $"'{words[0]}' is not read: only combinational .names logic is");
                    default: throw Bad(number, $"unknown directive '{words[0]}'");
                }
                continue;
            }
            if (current is not { } open) throw Bad(number, $"'{text}' is outside a .names cover");
            int fanin = open.Fanins.Length;
            string cube = fanin == 0 ? "" : words[0];
            string value = fanin == 0 ? words[0] : words.Length == 2 ? words[1] : "";
            if (words.Length != (fanin == 0 ? 1 : 2) || cube.Length != fanin || cube.Any(c => c is not ('0' or '1' or '-')) || value is not ("0" or "1"))
                throw Bad(number, $"cover row '{text}' must be {fanin} characters of 0, 1, - and then 0 or 1");
            if (open.Rows.Count > 0 && open.Rows[0].Item2 != value[0]) throw Bad(number, "a cover mixes ON-set (1) and OFF-set (0) rows");
            open.Rows.Add((cube, value[0]));
        }
        if (inputs is null || outputs is null) throw new UserInputException($"{path}: not a BLIF model: .inputs and .outputs are required");
        if (inputs.Length == 0) throw new UserInputException($"{path}: the model has no inputs");

        var graph = new AndInverterGraph(inputs.Length);
        var literal = new Dictionary<string, int>();
        for (int i = 0; i < inputs.Length; i++)
            if (!literal.TryAdd(inputs[i], graph.Input(i))) throw new UserInputException($"{path}: input '{inputs[i]}' is listed twice");
        var visiting = new HashSet<string>();
        int Signal(string name)
        {
            if (literal.TryGetValue(name, out int known)) return known;
            if (!covers.TryGetValue(name, out var cover)) throw new UserInputException($"{path}: signal '{name}' is read but never defined");
            if (!visiting.Add(name)) throw Bad(cover.Line, $"signal '{name}' depends on itself (a combinational loop)");
            var fanins = cover.Fanins.Select(Signal).ToArray();
            int sum = AndInverterGraph.False;
            foreach (var (cube, _) in cover.Rows)
            {
                int product = AndInverterGraph.True;
                for (int k = 0; k < cube.Length; k++)
                    if (cube[k] != '-') product = graph.And(product, cube[k] == '1' ? fanins[k] : AndInverterGraph.Not(fanins[k]));
                sum = graph.Or(sum, product);
            }
            // An OFF-set cover lists where the signal is 0; no rows at all is the constant 0.
            int result = cover.Rows.Count > 0 && cover.Rows[0].Value == '0' ? AndInverterGraph.Not(sum) : sum;
            visiting.Remove(name);
            literal[name] = result;
            return result;
        }
        foreach (string output in outputs) graph.AddOutput(Signal(output));
        return graph.WithoutDangling();
    }

    /// <summary>Lines without comments, joined across trailing backslashes, numbered by where they start.</summary>
    private static IEnumerable<(int Number, string Text)> Logical(IEnumerable<string> physical)
    {
        var pending = new StringBuilder();
        int number = 0, start = 0;
        foreach (string raw in physical)
        {
            number++;
            string line = raw;
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            if (pending.Length == 0) start = number;
            bool continues = line.TrimEnd().EndsWith('\\');
            pending.Append(continues ? line.TrimEnd()[..^1] + " " : line);
            if (continues) continue;
            string text = pending.ToString().Trim();
            pending.Clear();
            if (text.Length > 0) yield return (start, text);
        }
        if (pending.ToString().Trim() is { Length: > 0 } last) yield return (start, last);
    }
}
