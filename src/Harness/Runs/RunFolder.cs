using LogicNets.Harness.Csv;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Runs;

/// <summary>
/// The folder of one run (<c>train</c>, <c>diagnose</c>): <c>run.csv</c> with its one row, the model the learner
/// saves (<c>circuit.json</c>, <c>model.dat</c>, …: the learner names its own files), and for sparse learners the
/// per-epoch statistics of their layers.
/// </summary>
public sealed class RunFolder(string directory)
{
    public const string RunFile = "run.csv";

    /// <summary>Per-epoch, per-layer statistics of a sparse (SPL-family) learner.</summary>
    public const string SparseLayersFile = "sparse-layers.csv";

    /// <summary>The name <see cref="SparseLayersFile"/> had in runs written before it was renamed; read, never written.</summary>
    public const string LegacySparseLayersFile = "layers.csv";

    /// <summary>Every file a run folder can hold: what <c>--force</c> replaces, and what refuses an overwrite without it.</summary>
    public static readonly IReadOnlyList<string> OwnedFiles =
    [
        RunFile, SparseLayersFile, LegacySparseLayersFile, .. Diagnosis.SparseLayersReport.Files, Digital.Circuits.CircuitJson.FileName,
        Digital.Learners.SerialGateLearner.CellFileName, Continuous.Training.TorchLearner.ModelFileName,
    ];

    public string Directory { get; } = directory;

    private string RunCsvPath => Path.Combine(Directory, RunFile);

    /// <summary>The files a finished run left, for the caller to print.</summary>
    public sealed record Files(string Run, string? Model, string? SparseLayers, IReadOnlyList<string> Pictures);

    /// <summary>
    /// Writes the row, then — for a scored run (<c>ok</c>, or stopped by its <c>budget</c>) — the learner's model, and the
    /// sparse-layer statistics and their pictures whenever the learner kept any (a failed run's statistics say how far
    /// it got).
    /// </summary>
    public Files Write(RunRecord record, ILearner learner)
    {
        WriteRun(record);
        string? model = learner is ISavableLearner savable && record.IsScored ? savable.Save(Directory) : null;
        var (layers, pictures) = WriteSparseLayers(learner, $"{record.Model} {record.Size} on {record.Task}");
        return new Files(RunCsvPath, model, layers, pictures);
    }

    /// <summary>The sparse-layer statistics and their pictures, when the learner kept any; the paths written.</summary>
    public (string? Table, IReadOnlyList<string> Pictures) WriteSparseLayers(ILearner learner, string title)
    {
        if (learner is not ILayerTelemetry { LayerStats.Count: > 0 } telemetry) return (null, []);
        string table = Path.Combine(Directory, SparseLayersFile);
        CsvTable.Write(table, telemetry.LayerStats);
        return (table, Diagnosis.SparseLayersReport.Write(telemetry.LayerStats, Directory, title));
    }

    /// <summary>Writes only the run's row (a <c>diagnose</c> folder keeps no model).</summary>
    public void WriteRun(RunRecord record)
    {
        System.IO.Directory.CreateDirectory(Directory);
        RunCsv.Write(RunCsvPath, [record]);
    }

    /// <summary>
    /// The sparse-layer statistics, from <see cref="SparseLayersFile"/> or, in a run written before the rename, from
    /// <see cref="LegacySparseLayersFile"/> when that file has their columns (a <c>diagnose</c> folder's layers.csv is
    /// a different table); empty when the run has none.
    /// </summary>
    public IReadOnlyList<LayerEpochStats> ReadSparseLayers()
    {
        string current = Path.Combine(Directory, SparseLayersFile);
        if (File.Exists(current)) return CsvTable.Read<LayerEpochStats>(current);
        string legacy = Path.Combine(Directory, LegacySparseLayersFile);
        return File.Exists(legacy) && File.ReadLines(legacy).FirstOrDefault()?.StartsWith("epoch,layer,", StringComparison.Ordinal) == true
            ? CsvTable.Read<LayerEpochStats>(legacy)
            : [];
    }
}
