using System.Globalization;
using System.Text;
using LogicNets.Tasks;

namespace LogicNets.Digital.Aig;

/// <summary>
/// AIGER 1.9 for combinational graphs: ASCII (<c>aag</c>) and binary (<c>aig</c>, AND nodes as delta-coded
/// varints). Files with latches, bad-state or constraint sections describe sequential circuits and are refused.
/// </summary>
public static class AigerFormat
{
    /// <summary>Writes the graph; <paramref name="name"/> goes in the comment section, the symbols name inputs x0… and outputs y0….</summary>
    public static byte[] Write(AndInverterGraph graph, bool binary, string name, IReadOnlyList<string>? inputNames = null, IReadOnlyList<string>? outputNames = null)
    {
        using var stream = new MemoryStream();
        void Text(string line) => stream.Write(Encoding.ASCII.GetBytes(line + "\n"));
        Text($"{(binary ? "aig" : "aag")} {graph.MaxVariable} {graph.InputCount} 0 {graph.Outputs.Count} {graph.AndCount}");
        if (!binary)
            for (int i = 0; i < graph.InputCount; i++) Text((2 * (i + 1)).ToString(CultureInfo.InvariantCulture));
        foreach (int output in graph.Outputs) Text(output.ToString(CultureInfo.InvariantCulture));
        for (int k = 0; k < graph.AndCount; k++)
        {
            int lhs = 2 * (graph.InputCount + 1 + k);
            var (left, right) = graph.Ands[k];
            if (!binary)
            {
                Text($"{lhs} {left} {right}");
                continue;
            }
            Varint(stream, (uint)(lhs - left));
            Varint(stream, (uint)(left - right));
        }
        for (int i = 0; i < graph.InputCount; i++) Text($"i{i} {inputNames?[i] ?? $"x{i}"}");
        for (int o = 0; o < graph.Outputs.Count; o++) Text($"o{o} {outputNames?[o] ?? $"y{o}"}");
        Text("c");
        Text(name);
        Text("written by LogicNets (.NET)");
        return stream.ToArray();
    }

    public static AndInverterGraph Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int position = 0;
        string Line()
        {
            int end = Array.IndexOf(bytes, (byte)'\n', position);
            if (end < 0) end = bytes.Length;
            string line = Encoding.ASCII.GetString(bytes, position, end - position).TrimEnd('\r');
            position = Math.Min(bytes.Length, end + 1);
            return line;
        }
        UserInputException Bad(string problem) => new($"{path}: not a valid AIGER file: {problem}");

        string[] header = Line().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (header.Length < 6 || header[0] is not ("aag" or "aig")) throw Bad("the first line must be 'aag M I L O A' or 'aig M I L O A'");
        bool binary = header[0] == "aig";
        var numbers = header[1..].Select(text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : throw Bad($"'{text}' in the header is not a count")).ToArray();
        int m = numbers[0], inputs = numbers[1], latches = numbers[2], outputs = numbers[3], ands = numbers[4];
        if (latches > 0) throw Bad($"it has {latches} latches; only combinational circuits are read");
        if (numbers.Length > 5 && numbers.Skip(5).Any(n => n > 0)) throw Bad("it has bad-state, constraint or fairness sections (a sequential property), which are not read");
        if (m != inputs + ands) throw Bad($"M = {m} but I + A = {inputs + ands}; this reader needs the inputs and AND nodes numbered densely");

        var graph = new AndInverterGraph(inputs);
        int Literal(string text, string what)
        {
            if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int literal) || literal > 2 * m + 1)
                throw Bad($"{what} '{text}' is not a literal of 0..{2 * m + 1}");
            return literal;
        }
        if (!binary)
            for (int i = 0; i < inputs; i++)
                if (Literal(Line(), $"input {i}") != 2 * (i + 1)) throw Bad($"input {i} must be literal {2 * (i + 1)} (inputs numbered first)");
        var outputLiterals = Enumerable.Range(0, outputs).Select(o => Literal(Line(), $"output {o}")).ToArray();
        for (int k = 0; k < ands; k++)
        {
            int lhs = 2 * (inputs + 1 + k);
            int left, right;
            if (binary)
            {
                left = lhs - (int)Varint(bytes, ref position, Bad);
                right = left - (int)Varint(bytes, ref position, Bad);
            }
            else
            {
                string[] parts = Line().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 3 || Literal(parts[0], $"AND {k}") != lhs) throw Bad($"AND line {k} must read '{lhs} rhs0 rhs1' (AND nodes numbered in order)");
                left = Literal(parts[1], $"AND {k} input");
                right = Literal(parts[2], $"AND {k} input");
            }
            if (left < 0 || right < 0 || Math.Max(left, right) >= lhs) throw Bad($"AND node {lhs / 2} reads a node that is not defined before it");
            graph.AddAnd(left, right);
        }
        foreach (int literal in outputLiterals) graph.AddOutput(literal);
        return graph;
    }

    private static void Varint(Stream stream, uint value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value & 0x7f | 0x80));
            value >>= 7;
        }
        stream.WriteByte((byte)value);
    }

    private static uint Varint(byte[] bytes, ref int position, Func<string, UserInputException> bad)
    {
        uint value = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (position >= bytes.Length || shift > 28) throw bad("the binary AND section ends early");
            byte b = bytes[position++];
            value |= (uint)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return value;
        }
    }
}
