using LogicNets.Tasks.Data;

namespace LogicNets.Tasks.Learning;

/// <summary>The contract every learner of every stack fulfils, so the harness can treat them alike.</summary>
public interface ILearner : IDisposable
{
    /// <summary>Registered model name, e.g. <c>mlp</c>.</summary>
    string Model { get; }

    /// <summary>
    /// Trainable parameters of the model as built (real-valued weights, gate/wire logits, selector scores, tree nodes);
    /// null until a fit has built it.
    /// </summary>
    long? ParameterCount { get; }

    /// <summary>Gates of the learned hard circuit, or null for learners that have none.</summary>
    long? GateCount { get; }

    /// <summary>Trains on <paramref name="train"/>. Never throws for a bad run: divergence or a blown budget is a status.</summary>
    FitReport Fit(Dataset train, FitOptions options, IProgress<FitProgress>? progress = null, CancellationToken cancellation = default);

    /// <summary>Predictions, row-major like the dataset's targets: 0/1 for bit tasks, values for real ones.</summary>
    float[] Predict(Dataset data);
}

/// <summary>Settings of one training run that every learner honours.</summary>
public sealed record FitOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Passes over the training set; null lets the learner use its default.</summary>
    public int? Epochs { get; init; }

    /// <summary>
    /// Stop when solved (<see cref="EarlyStop"/>): epochs without a better training score before a fit ends; null
    /// chooses it from the planned epochs, 0 turns stopping early off. A fit whose model fits the training rows always
    /// stops unless it is 0.
    /// </summary>
    public int? Patience { get; init; }

    /// <summary>
    /// Circuit learners: fresh initialisations to try after the first when its circuit does not fit the training
    /// rows; the circuit that fits them best is kept. Null or 0: one start. <see cref="AutoRestarts"/>: as many as the
    /// time budget allows (at most <see cref="AutoRestartCap"/> without one).
    /// </summary>
    public int? Restarts { get; init; }

    /// <summary>The value of <see cref="Restarts"/> that means "until a circuit fits or the budget ends".</summary>
    public const int AutoRestarts = -1;

    /// <summary>Restarts the automatic mode takes without a time budget.</summary>
    public const int AutoRestartCap = 9;

    /// <summary>Upper bound on the learner's default optimizer steps (ignored when <see cref="Epochs"/> is set); suites use it to bound runs.</summary>
    public int? StepCap { get; init; }

    public InputEncoding Encoding { get; init; } = InputEncoding.ZeroOne;

    /// <summary>Wall-clock budget of the whole fit; when it ends the learner stops, keeps its model as it stands and reports <see cref="RunStatus.Budget"/>.</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>
    /// When the budget's clock started (a <see cref="System.Diagnostics.Stopwatch"/> timestamp). Null: when the
    /// training loop starts. A learner that trains in phases sets it once, so every phase counts against the one
    /// budget the user gave.
    /// </summary>
    public long? BudgetStart { get; init; }

    /// <summary>Time left of the budget (null: no budget).</summary>
    public TimeSpan? BudgetLeft => TimeBudget is { } budget
        ? budget - System.Diagnostics.Stopwatch.GetElapsedTime(BudgetStart ?? System.Diagnostics.Stopwatch.GetTimestamp())
        : null;

    /// <summary>These options with the budget clock started now, unless it already runs.</summary>
    public FitOptions WithBudgetClock() => BudgetStart is null && TimeBudget is not null ? this with { BudgetStart = System.Diagnostics.Stopwatch.GetTimestamp() } : this;

    /// <summary>The message of a fit the budget stopped; it names the budget the user gave (the epochs column says how far it got).</summary>
    public string BudgetMessage() =>
        $"stopped by the time budget of {TimeBudget!.Value.TotalSeconds:0.###} s; the model is kept as it stood";
}

/// <summary>Progress of a fit, reported once per epoch.</summary>
public readonly record struct FitProgress(int Epoch, int Epochs, double Loss);

/// <summary>How a fit ended.</summary>
public sealed record FitReport(RunStatus Status, int EpochsRun, double FinalLoss, long SamplesSeen, string? Message = null)
{
    /// <summary>Why the fit ended before its planned epochs; null when it ran them all (or stopped for another status).</summary>
    public EarlyStopReason? Stopped { get; init; }

    /// <summary>Initialisations the fit tried when it could restart (<see cref="FitOptions.Restarts"/>, or a learner that restarts by default); null otherwise.</summary>
    public int? Starts { get; init; }

    /// <summary>The learner gave this start up early because it was failing and another start follows (gates-serial's curriculum).</summary>
    public bool GivenUp { get; init; }
}
