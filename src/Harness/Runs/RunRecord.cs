using CsvHelper;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Runs;

/// <summary>
/// One training run as a CSV row (docs/DESIGN.md §10: columns in order; later columns are only ever appended).
/// Empty fields mean "not applicable" (bit metrics of a regression task, mse of a bit task).
/// </summary>
[CsvRecord]
public sealed partial record RunRecord
{
    [CsvColumn("task")] public string Task { get; set; } = "";
    /// <summary>The learner; a former name (<see cref="ModelAliases"/>) in an old file reads as the current one.</summary>
    [CsvColumn("model")] public string Model { get => _model; set => _model = ModelAliases.Canonical(value); }

    private string _model = "";
    [CsvColumn("size")] public int Size { get; set; }
    /// <summary>Trainable parameters of the built model; empty when the run failed before a model was built.</summary>
    [CsvColumn("params")] public long? Params { get; set; }
    [CsvColumn("gates")] public long? Gates { get; set; }
    [CsvColumn("seed")] public int Seed { get; set; }
    [CsvColumn("train_fraction")] public double TrainFraction { get; set; }
    [CsvColumn("noise")] public double Noise { get; set; }
    [CsvColumn("epochs")] public int Epochs { get; set; }
    [CsvColumn("wall_s")] public double WallSeconds { get; set; }
    [CsvColumn("train_bit_acc")] public double? TrainBitAccuracy { get; set; }
    [CsvColumn("test_bit_acc")] public double? TestBitAccuracy { get; set; }
    [CsvColumn("test_exact")] public double? TestExact { get; set; }
    [CsvColumn("baseline_acc")] public double? BaselineAccuracy { get; set; }
    [CsvColumn("gain")] public double? Gain { get; set; }
    [CsvColumn("mse")] public double? Mse { get; set; }
    [CsvColumn("status")]
    [CsvConverter(typeof(RunStatusColumn))]
    public RunStatus Status { get; set; }
    [CsvColumn("samples_per_s")] public double? SamplesPerSecond { get; set; }
    [CsvColumn("solved")] public bool? Solved { get; set; }
    /// <summary>Why a run ended as it did; CSV cannot tell empty from missing, so empty is stored as null.</summary>
    [CsvColumn("message")]
    [CsvNullValues("")]
    public string? Message { get => _message; set => _message = string.IsNullOrEmpty(value) ? null : value; }

    private string? _message;

    /// <summary>Rows actually trained and tested on: on sampled tables the row caps can override train_fraction.</summary>
    [CsvColumn("train_rows")] public int? TrainRows { get; set; }
    [CsvColumn("test_rows")] public int? TestRows { get; set; }

    /// <summary>
    /// Sparse learners only: expert activation rate and never-fired share, averaged over layers, in the epoch whose
    /// weights the model ended with (<see cref="LogicNets.Tasks.Learning.ILayerTelemetry.FinalSparsity"/>).
    /// </summary>
    [CsvColumn("activation_rate")] public double? ActivationRate { get; set; }
    [CsvColumn("collapsed_share")] public double? CollapsedShare { get; set; }

    // The settings a run was asked for (docs/DESIGN.md §10). Empty: the learner's default. They are optional when
    // read, so files written before they existed read as runs with default settings (RunCsv reports such files).
    [CsvColumn("max_epochs", Optional = true)] public int? MaxEpochs { get; set; }
    [CsvColumn("step_cap", Optional = true)] public int? StepCap { get; set; }
    [CsvColumn("depth", Optional = true)] public int? Depth { get; set; }
    [CsvColumn("lr", Optional = true)] public double? LearningRate { get; set; }
    [CsvColumn("batch", Optional = true)] public int? Batch { get; set; }
    [CsvColumn("encoding", Optional = true)] [CsvNullValues("")] public string? Encoding { get; set; }
    [CsvColumn("device", Optional = true)] [CsvNullValues("")] public string? Device { get; set; }
    [CsvColumn("time_budget_s", Optional = true)] public double? TimeBudgetSeconds { get; set; }
    [CsvColumn("group_sum", Optional = true)] public int? GroupSum { get; set; }
    [CsvColumn("repair_kicks", Optional = true)] public int? RepairKicks { get; set; }
    [CsvColumn("threads", Optional = true)] public int? Threads { get; set; }

    /// <summary>Learner-specific options (<c>--set</c>), canonical <c>k=v;k=v</c>.</summary>
    [CsvColumn("options", Optional = true)] [CsvNullValues("")] public string? Options { get; set; }

    /// <summary>
    /// A stable hash of every setting that can change the numbers except task, model, size and seed (see
    /// <see cref="RunConfig"/>). Derived from the columns above: what is read from a file is replaced by the hash of
    /// the row's own settings, so an edited setting can never keep a stale identity.
    /// </summary>
    [CsvColumn("config", Optional = true)]
    public string Config { get => RunConfig.Hash(this); set { } }

    /// <summary>File tasks: the content hash of the tables trained and tested on (part of the run's identity); empty for built-in tasks.</summary>
    [CsvColumn("data", Optional = true)] [CsvNullValues("")] public string? Data { get; set; }

    /// <summary>
    /// How the circuit's agreement with the rule was established (<see cref="Verification"/>): <c>exhaustive</c>,
    /// <c>proved</c>, <c>sampled</c>, <c>timeout</c> or <c>counterexample</c>; empty for real-valued tasks and runs without scores.
    /// </summary>
    [CsvColumn("verified", Optional = true)] [CsvNullValues("")] public string? Verified { get; set; }

    /// <summary>Circuit learners: AND nodes of the circuit as a structurally hashed and-inverter graph (the IWLS contest's size measure).</summary>
    [CsvColumn("aig_ands", Optional = true)] public long? AigAnds { get; set; }

    /// <summary>File tasks with a holdout file: bit accuracy on it (rows used neither for training nor for choosing a model).</summary>
    [CsvColumn("holdout_bit_acc", Optional = true)] public double? HoldoutBitAccuracy { get; set; }

    /// <summary>Distilled learners: the teacher's bit accuracy on the same test rows (what the read-out kept and lost).</summary>
    [CsvColumn("teacher_test_bit_acc", Optional = true)] public double? TeacherTestBitAccuracy { get; set; }

    /// <summary>Stop when solved: the <c>--patience</c> asked for (epochs; 0 = off); empty: automatic.</summary>
    [CsvColumn("patience", Optional = true)] public int? Patience { get; set; }

    /// <summary>Circuit learners: the <c>--restarts</c> asked for, a number or <c>auto</c>; empty: none.</summary>
    [CsvColumn("restarts", Optional = true)] [CsvNullValues("")] public string? Restarts { get; set; }

    /// <summary>Runs with restarts: the initialisations the fit tried before one fit the training rows or the starts ran out.</summary>
    [CsvColumn("starts", Optional = true)] public int? Starts { get; set; }

    /// <summary>
    /// Sparse learners only: the largest collapsed share of any one layer in the epoch the model ended with (<c>collapsed_share</c>
    /// is their mean, which can hide one silent layer).
    /// </summary>
    [CsvColumn("collapsed_share_max", Optional = true)] public double? LargestCollapsedShare { get; set; }

    /// <summary>
    /// Learners with options: the fingerprint of the option defaults of the build that ran it
    /// (<see cref="ModelDescriptor.OptionDefaults"/>). Not part of <see cref="Config"/>: <c>--resume</c> refuses a file
    /// whose runs were made with other defaults than the running build's instead of counting them as done.
    /// </summary>
    [CsvColumn("option_defaults", Optional = true)] [CsvNullValues("")] public string? OptionDefaults { get; set; }

    /// <summary>Budget runs stopped early but kept their best model and are scored; timeouts, divergences and failures are reported, never averaged in.</summary>
    public bool IsScored => Status is RunStatus.Ok or RunStatus.Budget;

    /// <summary>The identity of a run: what <c>--resume</c>, shards, merges and reports compare.</summary>
    public RunKey Key => new(Task, Model, Size, Seed, Config);
}

/// <summary>Identity of a run: a sweep holds each key once. <see cref="Config"/> covers every other setting.</summary>
public readonly record struct RunKey(string Task, string Model, int Size, int Seed, string Config)
{
    public override string ToString() => $"{Task} {Model} size={Size} seed={Seed} config={Config}";
}
