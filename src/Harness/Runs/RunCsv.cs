using LogicNets.Harness.Csv;
using LogicNets.Tasks;

namespace LogicNets.Harness.Runs;

/// <summary>Reads and writes run rows (runs.csv, sweep files).</summary>
public static class RunCsv
{
    /// <summary>The columns every run file has had since the first release.</summary>
    public static readonly IReadOnlyList<string> FirstColumns =
    [
        "task", "model", "size", "params", "gates", "seed", "train_fraction", "noise", "epochs", "wall_s",
        "train_bit_acc", "test_bit_acc", "test_exact", "baseline_acc", "gain", "mse", "status",
        "samples_per_s", "solved", "message", "train_rows", "test_rows", "activation_rate", "collapsed_share",
    ];

    /// <summary>The settings columns (appended 2026-12): a file without them is from an older LogicNets.</summary>
    public static readonly IReadOnlyList<string> SettingsColumns =
    [
        "max_epochs", "step_cap", "depth", "lr", "batch", "encoding", "device", "time_budget_s", "group_sum", "repair_kicks", "threads", "options", "config",
    ];

    /// <summary>
    /// Appended with file tasks, proofs, distillation, stop-when-solved, per-layer collapse and option defaults: a file
    /// without them reads as built-in-task runs whose exactness, most collapsed layer and option defaults were not
    /// recorded, with default stopping and no restarts.
    /// </summary>
    public static readonly IReadOnlyList<string> AppendedColumns =
        ["data", "verified", "aig_ands", "holdout_bit_acc", "teacher_test_bit_acc", "patience", "restarts", "starts", "collapsed_share_max",
         "option_defaults"];

    public static IReadOnlyList<string> Columns { get; } = [.. FirstColumns, .. SettingsColumns, .. AppendedColumns];

    /// <summary>The rows of a file, and whether it predates the settings columns (its rows then read as runs with default settings).</summary>
    public sealed record Contents(List<RunRecord> Rows, bool PredatesSettings);

    /// <summary>Replaces <paramref name="path"/> with exactly these rows, atomically.</summary>
    public static void Write(string path, IEnumerable<RunRecord> rows) => CsvTable.Write(path, rows);

    /// <summary>The rows of a run CSV (see <see cref="ReadFile"/>).</summary>
    public static List<RunRecord> Read(string path) => ReadFile(path).Rows;

    /// <summary>
    /// Reads a run CSV. A file whose header is neither the run columns nor the first release's columns is rejected
    /// with the difference named.
    /// </summary>
    public static Contents ReadFile(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"run CSV '{path}' does not exist", path);
        var header = CsvTable.Header(path);
        if (header.Count == 0) return new Contents([], false);
        bool old = header.SequenceEqual(FirstColumns);
        var missing = Columns.Except(header).Where(column => !(AppendedColumns.Contains(column) && header.Contains("config"))).ToArray();
        var extra = header.Except(Columns).ToArray();
        if (!old && (missing.Length > 0 || extra.Length > 0))
            throw new UserInputException(
                $"'{path}' is not a run CSV: " +
                (missing.Length > 0 ? $"missing columns {string.Join(",", missing)}" : "") +
                (missing.Length > 0 && extra.Length > 0 ? "; " : "") +
                (extra.Length > 0 ? $"unexpected columns {string.Join(",", extra)}" : ""));
        return new Contents(CsvTable.Read<RunRecord>(path), old);
    }
}
