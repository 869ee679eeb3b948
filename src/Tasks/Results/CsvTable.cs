using CsvHelper;

namespace LogicNets.Tasks.Results;

/// <summary>Writes side tables (layer statistics, curves, diagnostics) the way run CSVs are written: atomically, "\n" lines.</summary>
public static class CsvTable
{
    private static readonly CsvWriterOptions WriterOptions = new() { NewLine = "\n" };

    public static void Write<T>(string path, IEnumerable<T> rows) =>
        AtomicFile.Write(path, temp =>
        {
            using var writer = CsvWriter.ToFile(temp, WriterOptions);
            writer.WriteRecords(rows);
        });
}
