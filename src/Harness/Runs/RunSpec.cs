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

    /// <summary>Stop when solved: epochs without a better training score (<see cref="FitOptions.Patience"/>); null automatic, 0 off.</summary>
    public int? Patience { get; init; }

    /// <summary>Circuit learners: further starts (<see cref="FitOptions.Restarts"/>); <see cref="FitOptions.AutoRestarts"/> for auto.</summary>
    public int? Restarts { get; init; }

    /// <summary>The fit's options of this run.</summary>
    public FitOptions FitOptions() => new()
    {
        Seed = Seed, Epochs = Epochs, StepCap = StepCap, Encoding = Encoding, TimeBudget = TimeBudget, Patience = Patience, Restarts = Restarts,
    };

    /// <summary>The restarts as the <c>restarts</c> column writes them: a number, <c>auto</c>, or null for none.</summary>
    public static string? RestartsText(int? restarts) => restarts switch
    {
        null => null,
        Tasks.Learning.FitOptions.AutoRestarts => "auto",
        { } n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Parses <c>--restarts</c> / the <c>restarts</c> column: a number ≥ 0 or <c>auto</c>.</summary>
    public static int? ParseRestarts(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase)) return Tasks.Learning.FitOptions.AutoRestarts;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n)
            ? n
            : throw new Tasks.UserInputException($"restarts must be a number >= 0 or auto, got '{text}'");
    }

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
        Patience = Patience,
        Restarts = RestartsText(Restarts),
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
        Patience = row.Patience,
        Restarts = ParseRestarts(row.Restarts),
        Settings = new ModelSettings
        {
            Device = row.Device ?? "cpu", Depth = row.Depth, LearningRate = row.LearningRate, BatchSize = row.Batch, OutputGroup = row.GroupSum,
            RepairKicks = row.RepairKicks, Threads = row.Threads, Options = row.Options ?? "",
        },
    };

    /// <summary>The identity sweeps, resume and merges compare (the same as the row this spec produces).</summary>
    public RunKey Key => Identity().Key;
}
