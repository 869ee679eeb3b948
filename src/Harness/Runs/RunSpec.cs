using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Runs;

/// <summary>Everything that determines one training run; the same spec gives the same numbers.</summary>
public sealed record RunSpec
{
    public required LearningTask Task { get; init; }

    public required string Model { get; init; }

    public required int Size { get; init; }

    public int Seed { get; init; } = 1;

    public double TrainFraction { get; init; } = 1.0;

    /// <summary>Null: the task's default noise.</summary>
    public double? Noise { get; init; }

    public int? Epochs { get; init; }

    /// <summary>Caps the learner's default optimizer steps (suites bound their runs with it); null: no cap.</summary>
    public int? StepCap { get; init; }

    public InputEncoding Encoding { get; init; } = InputEncoding.ZeroOne;

    public ModelSettings Settings { get; init; } = new();

    public TimeSpan? TimeBudget { get; init; }

    public double EffectiveNoise => Noise ?? Task.DefaultNoise;

    /// <summary>The train fraction the split uses: 1 for tasks with their own split (noisy-xor, product), whichever command ran them.</summary>
    public double EffectiveTrainFraction => Task.HasOwnSplit ? 1.0 : TrainFraction;

    /// <summary>The run's row before it ran: every identity and settings column filled (docs/DESIGN.md §10).</summary>
    public RunRecord Identity() => new()
    {
        Task = Task.Name,
        Model = Model,
        Size = Size,
        Seed = Seed,
        TrainFraction = EffectiveTrainFraction,
        Noise = EffectiveNoise,
        MaxEpochs = Epochs,
        StepCap = StepCap,
        Depth = Settings.Depth,
        LearningRate = Settings.LearningRate,
        Batch = Settings.BatchSize,
        Encoding = Encoding.Name(),
        Device = Settings.Device,
        TimeBudgetSeconds = TimeBudget?.TotalSeconds,
        GroupSum = Settings.OutputGroup,
        RepairKicks = Settings.RepairKicks,
        Threads = Settings.Threads,
        Options = Settings.Options.Length > 0 ? Settings.Options : null,
        Data = Task is FileTask file ? file.Fingerprint : null,
    };

    /// <summary>
    /// The spec a row was produced by (the inverse of <see cref="Identity"/>): the task is parsed again from its name,
    /// so a file task needs its files where the run found them.
    /// </summary>
    public static RunSpec FromRecord(RunRecord row) => new()
    {
        Task = TaskName.Parse(row.Task),
        Model = row.Model,
        Size = row.Size,
        Seed = row.Seed,
        TrainFraction = row.TrainFraction,
        Noise = row.Noise,
        Epochs = row.MaxEpochs,
        StepCap = row.StepCap,
        Encoding = row.Encoding is { } encoding ? InputEncodings.Parse(encoding) : InputEncoding.ZeroOne,
        TimeBudget = row.TimeBudgetSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        Settings = new ModelSettings
        {
            Device = row.Device ?? "cpu", Depth = row.Depth, LearningRate = row.LearningRate, BatchSize = row.Batch, OutputGroup = row.GroupSum,
            RepairKicks = row.RepairKicks, Threads = row.Threads, Options = row.Options ?? "",
        },
    };

    /// <summary>The identity sweeps, resume and merges compare (the same as the row this spec produces).</summary>
    public RunKey Key => Identity().Key;
}
