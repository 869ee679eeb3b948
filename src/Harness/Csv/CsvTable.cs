using CsvHelper;
using LogicNets.Tasks.Files;

namespace LogicNets.Harness.Csv;

/// <summary>Writes and reads the harness's tables (runs, curves, layer statistics, diagnoses): atomically, "\n" lines, errors naming the file.</summary>
public static class CsvTable
{
    private static readonly CsvWriterOptions WriterOptions = new() { NewLine = "\n" };

    public static void Write<T>(string path, IEnumerable<T> rows) =>
        AtomicFile.Write(path, temp =>
        {
            using var writer = CsvWriter.ToFile(temp, WriterOptions);
            writer.WriteRecords(rows);
        });

    /// <summary>The column names of a table's header row (empty for an empty file), parsed as CSV.</summary>
    public static IReadOnlyList<string> Header(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"'{path}' does not exist", path);
        using var reader = CsvReader.FromFile(path);
        return reader.Headers.Select(name => name.Trim()).ToArray();
    }

    public static List<T> Read<T>(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"'{path}' does not exist", path);
        try
        {
            using var reader = CsvReader.FromFile(path);
            return reader.GetRecords<T>().ToList();
        }
        catch (Exception e) when (e is CsvFormatException or FormatException)
        {
            throw new LogicNets.Tasks.UserInputException($"'{path}' has a malformed row: {e.Message}", e);
        }
    }
}
