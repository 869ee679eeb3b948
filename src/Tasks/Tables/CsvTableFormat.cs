using CsvHelper;

namespace LogicNets.Tasks.Tables;

/// <summary>
/// A truth table as CSV: a header row naming the columns, then one row per line of 0/1 values (an output may be
/// <c>-</c>, a don't-care). Which columns are inputs and which are outputs is chosen by name; by default the last
/// column is the output and every other column an input. Gzip-compressed files are read as well.
/// </summary>
public static class CsvTableFormat
{
    /// <summary>The column names of a table file's header.</summary>
    public static IReadOnlyList<string> Header(string path)
    {
        using var csv = Open(path);
        return Header(csv, path);
    }

    private static CsvReader Open(string path)
    {
        var options = new CsvReaderOptions { TrackLineNumbers = true, TrimWhitespace = true };
        using var reader = TableText.Open(path);
        try { return CsvReader.FromText(reader.ReadToEnd(), options); }
        catch (InvalidDataException e) { throw new TableFileException(path, null, $"is not a valid gzip file ({e.Message})"); }
    }

    private static IReadOnlyList<string> Header(CsvReader csv, string path)
    {
        try { return csv.Headers.Select(h => h.Trim()).ToArray(); }
        catch (CsvFormatException e) { throw new TableFileException(path, 1, $"malformed header ({e.Message})"); }
    }

    public static TruthTable Read(string path, IReadOnlyList<string>? inputColumns = null, IReadOnlyList<string>? outputColumns = null)
    {
        using var csv = Open(path);
        var header = Header(csv, path);
        if (header.Count < 2) throw new TableFileException(path, 1, $"the header names {header.Count} column(s); a table needs at least an input and an output column");
        var duplicate = header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new TableFileException(path, 1, $"column '{duplicate.Key}' appears twice in the header");

        var outputs = outputColumns is { Count: > 0 } ? Columns(outputColumns, header, path, "--outputs") : [header.Count - 1];
        var inputs = inputColumns is { Count: > 0 } ? Columns(inputColumns, header, path, "--inputs") : Enumerable.Range(0, header.Count).Except(outputs).ToArray();
        if (inputs.Length == 0) throw new TableFileException(path, null, "no input column is left once the output columns are taken");
        var overlap = inputs.Intersect(outputs).ToArray();
        if (overlap.Length > 0) throw new TableFileException(path, null, $"column '{header[overlap[0]]}' is chosen as both an input and an output");

        var inBits = new List<byte>();
        var outBits = new List<byte>();
        var care = new List<bool>();
        bool anyDontCare = false;
        while (true)
        {
            try
            {
                if (!csv.Read()) break;
            }
            catch (CsvFormatException e) { throw new TableFileException(path, (int)csv.LineNumber, $"malformed row ({e.Message})"); }
            int line = (int)csv.LineNumber;
            if (csv.FieldCount != header.Count)
                throw new TableFileException(path, line, $"row has {csv.FieldCount} fields, the header names {header.Count} columns");
            foreach (int i in inputs)
            {
                string value = csv.GetString(i).Trim();
                inBits.Add(value switch
                {
                    "0" => 0,
                    "1" => 1,
                    _ => throw new TableFileException(path, line, $"column '{header[i]}' holds '{value}'; input columns hold 0 or 1"),
                });
            }
            bool rowCares = false;
            int start = outBits.Count;
            foreach (int o in outputs)
            {
                string value = csv.GetString(o).Trim();
                switch (value)
                {
                    case "0": outBits.Add(0); care.Add(true); rowCares = true; break;
                    case "1": outBits.Add(1); care.Add(true); rowCares = true; break;
                    case "-": outBits.Add(0); care.Add(false); anyDontCare = true; break;
                    default: throw new TableFileException(path, line, $"column '{header[o]}' holds '{value}'; output columns hold 0, 1 or - (don't care)");
                }
            }
            if (!rowCares)
            {
                // A row with no specified output says nothing: drop it as the PLA reader does.
                inBits.RemoveRange(inBits.Count - inputs.Length, inputs.Length);
                outBits.RemoveRange(start, outputs.Length);
                care.RemoveRange(start, outputs.Length);
            }
        }
        if (outBits.Count == 0) throw new TableFileException(path, null, "the table is empty (no row with a specified output)");
        return new TruthTable(path, inputs.Select(i => header[i]).ToArray(), outputs.Select(o => header[o]).ToArray(),
            inBits.ToArray(), outBits.ToArray(), anyDontCare ? care.ToArray() : null);
    }

    /// <summary>Writes a table as CSV with its column names; a don't-care output is written <c>-</c>.</summary>
    public static void Write(TextWriter writer, TruthTable table)
    {
        writer.WriteLine(string.Join(',', table.InputNames.Concat(table.OutputNames).Select(Quote)));
        var fields = new string[table.InputWidth + table.OutputWidth];
        for (int r = 0; r < table.Rows; r++)
        {
            for (int i = 0; i < table.InputWidth; i++) fields[i] = table.Inputs[r * table.InputWidth + i] != 0 ? "1" : "0";
            for (int o = 0; o < table.OutputWidth; o++)
            {
                int k = r * table.OutputWidth + o;
                fields[table.InputWidth + o] = table.Care is { } c && !c[k] ? "-" : table.Outputs[k] != 0 ? "1" : "0";
            }
            writer.WriteLine(string.Join(',', fields));
        }
    }

    private static string Quote(string name) => name.IndexOfAny([',', '"', '\n', '\r']) < 0 ? name : $"\"{name.Replace("\"", "\"\"")}\"";

    private static int[] Columns(IReadOnlyList<string> names, IReadOnlyList<string> header, string path, string option)
    {
        var index = new int[names.Count];
        for (int k = 0; k < names.Count; k++)
        {
            int found = IndexOf(header, names[k].Trim());
            if (found < 0)
                throw new TableFileException(path, 1, $"{option} names column '{names[k].Trim()}', which the header does not have; columns: " +
                    (header.Count <= 20 ? string.Join(", ", header) : string.Join(", ", header.Take(20)) + $", … ({header.Count} in all)"));
            index[k] = found;
        }
        return index.Distinct().ToArray();
    }

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (int i = 0; i < header.Count; i++)
            if (header[i] == name) return i;
        return -1;
    }
}
