using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Tasks.Tables;

/// <summary>
/// Input rows to predict: a PLA file, a CSV file (the chosen input columns, or all columns when there are exactly
/// as many as the model has inputs), or lines of bits from a reader (stdin) — the first word of each line, so a PLA
/// body can be piped in. When the file also holds outputs, they come back as <see cref="Labelled"/> for scoring.
/// </summary>
public sealed record InputRows(IReadOnlyList<string> InputNames, byte[] Inputs, int Width, TruthTable? Labelled)
{
    /// <summary>Whether the rows came from a PLA file (predictions are then written as PLA by default).</summary>
    public bool FromPla { get; init; }

    public int Rows => Inputs.Length / Width;

    /// <summary>The rows as a dataset with <paramref name="outputWidth"/> zero targets (what a learner's Predict takes).</summary>
    public Dataset ToDataset(int outputWidth) =>
        new(Rows, Width, outputWidth, Inputs.Select(b => (float)b).ToArray(), new float[Rows * outputWidth], TargetKind.Bits);

    public static InputRows Read(string path, int width, IReadOnlyList<string>? columns, TextReader? stdin = null)
    {
        if (path == "-") return Lines(stdin ?? Console.In, width);
        if (IsPla(path)) return FromTable(PlaFormat.Read(path), width, labelled: true) with { FromPla = true };
        var header = CsvTableFormat.Header(path);
        // As many columns as the model has inputs: all of them are inputs (read with the last as a stand-in output).
        if (columns is null && header.Count == width && width > 1)
            return FromTable(CsvTableFormat.Read(path, header.Take(width - 1).ToArray(), [header[^1]]), width, labelled: false);
        return FromTable(CsvTableFormat.Read(path, columns), width, labelled: true);
    }

    private static InputRows FromTable(TruthTable table, int width, bool labelled)
    {
        if (labelled && table.InputWidth != width)
            throw new TableFileException(table.Source, null, $"has {table.InputWidth} inputs; the model takes {width} (choose CSV columns with --inputs)");
        if (labelled) return new InputRows(table.InputNames, table.Inputs, width, table);
        // Every column was an input: put the one read as an output back in its place.
        var inputs = new byte[table.Rows * width];
        for (int r = 0; r < table.Rows; r++)
        {
            Array.Copy(table.Inputs, r * (width - 1), inputs, r * width, width - 1);
            inputs[r * width + width - 1] = table.Outputs[r];
        }
        return new InputRows([.. table.InputNames, table.OutputNames[0]], inputs, width, null);
    }

    private static bool IsPla(string path)
    {
        string name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        if (name.EndsWith(".pla", StringComparison.OrdinalIgnoreCase)) return true;
        if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return false;
        using var reader = TableText.Open(path);
        string? first;
        while ((first = reader.ReadLine()) is not null && (first.Trim().Length == 0 || first.TrimStart().StartsWith('#'))) { }
        return first?.TrimStart().StartsWith('.') == true;
    }

    private static InputRows Lines(TextReader reader, int width)
    {
        var bits = new List<byte>();
        int number = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '.' or '#') continue;
            string word = trimmed.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
            if (word.Length != width) throw new TableFileException("stdin", number, $"row has {word.Length} bits; the model takes {width}");
            foreach (char c in word)
                bits.Add(c switch
                {
                    '0' => 0,
                    '1' => 1,
                    _ => throw new TableFileException("stdin", number, $"'{c}' in a row of bits; rows hold 0 and 1"),
                });
        }
        if (bits.Count == 0) throw new TableFileException("stdin", null, "no rows were given");
        return new InputRows(Enumerable.Range(0, width).Select(i => $"x{i}").ToArray(), bits.ToArray(), width, null);
    }
}
