using System.Globalization;
using System.Text;

namespace LogicNets.Tasks.Tables;

/// <summary>
/// Espresso PLA (<c>.i .o .p .type .ilb .ob .e</c>, one cube per line: input characters 0/1/-, output characters
/// 0/1/-/~). An input <c>-</c> stands for both values, so the cube becomes every row it covers; an output <c>-</c> or
/// <c>~</c> is a don't-care, not scored. Outputs 0 are read as the OFF value under every type (f, fr, fd): for a
/// list of rows that is what the file means. Other directives (multiple-valued variables, phases, kiss) are refused.
/// </summary>
public static class PlaFormat
{
    /// <summary>Rows one file may expand to through input don't-cares; beyond it the table is not a sample but a cover.</summary>
    public const int MaxExpandedRows = 1 << 22;

    public static TruthTable Read(string path)
    {
        int? inputs = null, outputs = null, declaredRows = null, declaredAt = null;
        string[]? inputNames = null, outputNames = null;
        var inBits = new List<byte>();
        var outBits = new List<byte>();
        var care = new List<bool>();
        bool anyDontCare = false, ended = false;
        int lineNumber = 0, cubes = 0, rows = 0;
        foreach (string raw in TableText.Lines(path))
        {
            lineNumber++;
            string line = StripComment(raw).Trim();
            if (line.Length == 0) continue;
            if (ended) throw new TableFileException(path, lineNumber, "text after .e (the end of the table)");
            if (line[0] == '.')
            {
                string[] words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                string keyword = words[0].ToLowerInvariant();
                switch (keyword)
                {
                    case ".i": inputs = Count(words, path, lineNumber, cubes, 1, 100_000); break;
                    case ".o": outputs = Count(words, path, lineNumber, cubes, 1, 4096); break;
                    case ".p": declaredRows = Count(words, path, lineNumber, cubes, 0, int.MaxValue); declaredAt = lineNumber; break;
                    case ".type":
                        if (words.Length != 2 || words[1].ToLowerInvariant() is not ("f" or "fr" or "fd" or "fdr"))
                            throw new TableFileException(path, lineNumber, $"'.type' takes f, fr, fd or fdr, got '{string.Join(' ', words.Skip(1))}'");
                        break;
                    case ".ilb": inputNames = words[1..]; break;
                    case ".ob": outputNames = words[1..]; break;
                    case ".e" or ".end": ended = true; break;
                    default: throw new TableFileException(path, lineNumber, $"unsupported directive '{words[0]}' (this reader takes .i .o .p .type .ilb .ob .e)");
                }
                continue;
            }
            if (inputs is not { } n || outputs is not { } m)
                throw new TableFileException(path, lineNumber, "a row before .i and .o: the header must give the input and output counts first");
            var (inPart, outPart) = SplitRow(line, n, m, path, lineNumber);
            var outputValues = new byte[m];
            var outputCare = new bool[m];
            for (int o = 0; o < m; o++)
            {
                switch (outPart[o])
                {
                    case '0': outputCare[o] = true; break;
                    case '1': outputValues[o] = 1; outputCare[o] = true; break;
                    case '-' or '~' or '2': anyDontCare = true; break;
                    default: throw new TableFileException(path, lineNumber, $"output character '{outPart[o]}' at column {n + o + 1}; outputs are 0, 1, - or ~");
                }
            }
            cubes++;
            if (!outputCare.Contains(true)) continue; // says nothing about any output
            int free = 0;
            for (int i = 0; i < n; i++)
            {
                char c = inPart[i];
                if (c == '-') free++;
                else if (c != '0' && c != '1') throw new TableFileException(path, lineNumber, $"input character '{c}' at column {i + 1}; inputs are 0, 1 or -");
            }
            if (free > 22 || rows + (1L << free) > MaxExpandedRows)
                throw new TableFileException(path, lineNumber, $"the cubes expand to more than {MaxExpandedRows} rows through input '-'; give rows (minterms), not a cover");
            foreach (var row in Expand(inPart, n, free))
            {
                inBits.AddRange(row);
                outBits.AddRange(outputValues);
                care.AddRange(outputCare);
                rows++;
            }
        }
        if (inputs is not { } width || outputs is not { } outs) throw new TableFileException(path, null, "no .i and .o header: not an Espresso PLA file");
        if (declaredRows is { } p && p != cubes) throw new TableFileException(path, declaredAt, $".p says {p} rows, the file has {cubes}");
        if (rows == 0) throw new TableFileException(path, null, "the table is empty (no row with a specified output)");
        var inNames = Names(inputNames, width, "x", ".ilb", path);
        var outNames = Names(outputNames, outs, "y", ".ob", path);
        return new TruthTable(path, inNames, outNames, inBits.ToArray(), outBits.ToArray(), anyDontCare ? care.ToArray() : null);
    }

    /// <summary>Writes fully specified rows as <c>.type fr</c>; a cleared care bit is written <c>-</c>.</summary>
    public static void Write(TextWriter writer, TruthTable table, string? comment = null)
    {
        if (comment is not null)
            foreach (string text in comment.Split('\n')) writer.WriteLine($"# {text}");
        writer.WriteLine($".i {table.InputWidth}");
        writer.WriteLine($".o {table.OutputWidth}");
        writer.WriteLine($".ilb {string.Join(' ', table.InputNames)}");
        writer.WriteLine($".ob {string.Join(' ', table.OutputNames)}");
        writer.WriteLine($".p {table.Rows}");
        writer.WriteLine(".type fr");
        var line = new StringBuilder(table.InputWidth + table.OutputWidth + 1);
        for (int r = 0; r < table.Rows; r++)
        {
            line.Clear();
            for (int i = 0; i < table.InputWidth; i++) line.Append(table.Inputs[r * table.InputWidth + i] != 0 ? '1' : '0');
            line.Append(' ');
            for (int o = 0; o < table.OutputWidth; o++)
            {
                int k = r * table.OutputWidth + o;
                line.Append(table.Care is { } care && !care[k] ? '-' : table.Outputs[k] != 0 ? '1' : '0');
            }
            writer.WriteLine(line);
        }
        writer.WriteLine(".e");
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#');
        return hash < 0 ? line : line[..hash];
    }

    private static (string In, string Out) SplitRow(string line, int n, int m, string path, int lineNumber)
    {
        string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        string joined = string.Concat(parts);
        if (parts.Length == 2 && parts[0].Length == n && parts[1].Length == m) return (parts[0], parts[1]);
        if (joined.Length == n + m && parts.Length <= 2) return (joined[..n], joined[n..]);
        if (parts.Length == 2)
            throw new TableFileException(path, lineNumber, $"row has {parts[0].Length} input and {parts[1].Length} output characters; .i {n} and .o {m} say {n} and {m}");
        throw new TableFileException(path, lineNumber, $"row has {joined.Length} characters in {parts.Length} field(s); expected {n} inputs and {m} outputs");
    }

    private static IEnumerable<byte[]> Expand(string inPart, int n, int free)
    {
        var row = new byte[n];
        var freeAt = new List<int>(free);
        for (int i = 0; i < n; i++)
        {
            if (inPart[i] == '-') freeAt.Add(i);
            else row[i] = (byte)(inPart[i] - '0');
        }
        for (long combination = 0; combination < 1L << free; combination++)
        {
            for (int k = 0; k < free; k++) row[freeAt[k]] = (byte)((combination >> k) & 1);
            yield return (byte[])row.Clone();
        }
    }

    private static int Count(string[] words, string path, int lineNumber, int cubes, int min, int max)
    {
        if (cubes > 0) throw new TableFileException(path, lineNumber, $"'{words[0]}' after the first row; the header comes first");
        if (words.Length != 2 || !int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            throw new TableFileException(path, lineNumber, $"'{words[0]}' takes one whole number in {min}..{max}, got '{string.Join(' ', words.Skip(1))}'");
        return value;
    }

    private static string[] Names(string[]? given, int count, string prefix, string directive, string path)
    {
        if (given is null) return Enumerable.Range(0, count).Select(i => $"{prefix}{i}").ToArray();
        if (given.Length != count) throw new TableFileException(path, null, $"{directive} names {given.Length} signals, the table has {count}");
        return given;
    }
}
