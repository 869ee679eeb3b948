using LogicNets.Tasks;
using System.Collections.Concurrent;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Digital.Networks;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Digital.Learners;

/// <summary>
/// <c>gates-serial</c>: a bit-serial gate cell (learnable wiring) trained by back-propagation through the unrolled
/// positions. Predictions unroll the hard cell to the width of the data, so a model trained on add:8 can be asked
/// about add:64 rows.
/// </summary>
public sealed class SerialGateLearner : CircuitLearner
{
    public const int DefaultDepth = 3;
    public const int StateBits = 1;

    /// <summary>The hard cell, beside the unrolled circuit in a run folder.</summary>
    public const string CellFileName = "cell.json";

    public static readonly ModelDescriptor Descriptor = new(
        "gates-serial", "one weight-shared gate cell applied along the bits (carry state between positions), exact at any width once learned; up to 9 restarts until the cell fits",
        "gates per cell layer (--depth sets the cell's hidden layers, default 3; 1 state bit)",
        LearnerTraits.BitTargets | LearnerTraits.Circuit, request => new SerialGateLearner(request));

    private readonly Device _device;
    private readonly ConcurrentDictionary<(int, int), CompiledCircuit> _unrolled = new();
    private SerialGateCell? _cell;

    public SerialGateLearner(LearnerRequest request) : base(Descriptor.Name, request, "gates per cell layer")
    {
        if (request.Shape.InputWidth < 2)
            throw new UserInputException($"{Model} reads two operands bit by bit; the task has only {request.Shape.InputWidth} input bit(s)");
        Depth = request.LayerDepth(Model, DefaultDepth, minimum: 0);
        _device = RelaxedTraining.ResolveDevice(request.Settings.Device);
    }

    public int Depth { get; }

    /// <summary>
    /// Up to <see cref="FitOptions.AutoRestartCap"/> further starts until the cell fits: a failing start is given up
    /// after a short prefix (see <see cref="OutputPrefixCurriculum"/>), so further starts are cheap and decide whether add:8
    /// is learned. A fixed cap, not auto: under a time budget auto would spend all of it on a task no cell fits
    /// (parity:8:2: 60 starts in 45 s). None under a step cap (a suite's run): restarts would multiply the steps the
    /// cap bounds (the quick suite's 16 gates-serial runs took 142 s instead of 49 s, none of them fitting).
    /// </summary>
    protected override int? DefaultRestarts(FitOptions options) => options.StepCap is null ? FitOptions.AutoRestartCap : null;

    public override long? ParameterCount => _cell?.Cell.ParameterCount;

    /// <summary>The hard cell (inputs a, b, state; outputs y, state'); <see cref="CircuitLearner.Circuit"/> is it unrolled for the trained width.</summary>
    public HardCircuit? CellCircuit { get; private set; }

    protected override (FitReport, HardCircuit?) Train(Dataset train, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation)
    {
        manual_seed(options.Seed);
        _cell?.Dispose();
        _unrolled.Clear();
        CellCircuit = null;
        _cell = new SerialGateCell("serial", Request.Size, Depth, StateBits, SeedStream.Derive(options.Seed, "wiring"), _device);
        options = options.WithBudgetClock();
        var score = new PackedRowsScore(train);
        HardCircuit Unrolled(GateChoices c) => SerialGateCell.Unroll(c.ToCircuit(), train.InputWidth, train.OutputWidth);
        var tracker = new BestOnTrainingRows<GateChoices>(_cell.Cell.HardChoices, Unrolled, score);
        int batch = Request.Settings.BatchSize ?? DefaultBatch(train.Rows);
        var report = OutputPrefixCurriculum.Train(new Positional(_cell), train, options, _device, Request.Settings.LearningRate ?? 0.05, batch,
            tracker, progress, cancellation);
        if (report.Status is not (RunStatus.Ok or RunStatus.Budget)) return (report, null);
        var choices = tracker.Final();
        if (report.Status == RunStatus.Ok && !report.GivenUp) RelaxedTraining.Repair(choices, Unrolled, score, options, Request.Settings);
        CellCircuit = CircuitSimplifier.Simplify(choices.ToCircuit());
        return (report, SerialGateCell.Unroll(CellCircuit, train.InputWidth, train.OutputWidth));
    }

    /// <summary>
    /// The minibatch when none is asked for: the usual 256, but at least 8 steps an epoch on a small table (never below
    /// 16 rows). One full-table step per epoch gives a gradient without noise, and a start stuck short of a prefix
    /// stays stuck: on the full add:4 table (256 rows) seeds 1–6 fit within 10 starts at batch 32 or 64, two of them
    /// did not at 256.
    /// </summary>
    public static int DefaultBatch(int rows) => Math.Min(ModelSettings.DefaultBatchSize, Math.Max(16, rows / 8));

    /// <summary>Any width of two operands (and optional carry): the cell is unrolled to fit the data.</summary>
    protected override CompiledCircuit? CircuitFor(Dataset data) =>
        CellCircuit is null
            ? null
            : _unrolled.GetOrAdd((data.InputWidth, data.OutputWidth), key => new CompiledCircuit(SerialGateCell.Unroll(CellCircuit, key.Item1, key.Item2)));

    // The cell is what predicts at other widths: a restart keeps the kept start's cell with its circuit.
    protected override object? Snapshot() => CellCircuit;

    protected override void Restore(object? state)
    {
        CellCircuit = (HardCircuit?)state;
        _unrolled.Clear();
    }

    public override string Save(string directory)
    {
        string path = base.Save(directory);
        CircuitJson.Save(CellCircuit!, Path.Combine(directory, CellFileName));
        return path;
    }

    public override void Load(string directory, InputEncoding encoding)
    {
        base.Load(directory, encoding);
        string path = Path.Combine(directory, CellFileName);
        if (!File.Exists(path)) throw new UserInputException($"'{directory}' has no {CellFileName}: a gates-serial run keeps its cell there");
        _unrolled.Clear();
        CellCircuit = CircuitJson.Load(path);
    }

    public override void Dispose()
    {
        _cell?.Dispose();
        _cell = null;
        base.Dispose();
    }

    /// <summary>The cell as a positional net: unrolled over as many positions as outputs are asked for.</summary>
    private sealed class Positional(SerialGateCell cell) : IPositionalGateNet
    {
        public nn.Module<Tensor, Tensor> AtOutputs(int outputs) => new AtOutputsModule(cell, cell.Forward, outputs);

        public HardCircuit Circuit(int inputWidth, int outputs) => SerialGateCell.Unroll(cell.Cell.HardChoices().ToCircuit(), inputWidth, outputs);

        public bool StraightThrough { set => cell.Cell.StraightThrough = value; }
    }
}
