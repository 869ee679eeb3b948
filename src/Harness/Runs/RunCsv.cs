using LogicNets.Harness.Csv;

namespace LogicNets.Harness.Runs;

/// <summary>Reads and writes run rows (runs.csv, sweep files).</summary>
public static class RunCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "task", "model", "size", "params", "gates", "seed", "train_fraction", "noise", "epochs", "wall_s",
        "train_bit_acc", "test_bit_acc", "test_exact", "baseline_acc", "gain", "mse", "status",
        "samples_per_s", "solved", "message", "train_rows", "test_rows", "activation_rate", "collapsed_share",
    ];

    /// <summary>Replaces <paramref name="path"/> with exactly these rows, atomically.</summary>
    public static void Write(string path, IEnumerable<RunRecord> rows) => CsvTable.Write(path, rows);

    /// <summary>Reads a run CSV; a file whose header is not the run columns is rejected with the difference named.</summary>
    public static List<RunRecord> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"run CSV '{path}' does not exist", path);
        string? header = File.ReadLines(path).FirstOrDefault();
        if (header is null) return [];
        var names = header.Split(',').Select(h => h.Trim()).ToArray();
        var missing = Columns.Except(names).ToArray();
        var extra = names.Except(Columns).ToArray();
        if (missing.Length > 0 || extra.Length > 0)
            throw new InvalidDataException(
                $"'{path}' is not a run CSV: " +
                (missing.Length > 0 ? $"missing columns {string.Join(",", missing)}" : "") +
                (missing.Length > 0 && extra.Length > 0 ? "; " : "") +
                (extra.Length > 0 ? $"unexpected columns {string.Join(",", extra)}" : ""));
        return CsvTable.Read<RunRecord>(path);
    }
}
