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
        "gates-serial", "one weight-shared gate cell applied along the bits (carry state between positions), exact at any width once learned",
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
        var report = TrainGrowingUnroll(train, options, tracker, progress, cancellation);
        if (report.Status is not (RunStatus.Ok or RunStatus.Budget)) return (report, null);
        var choices = tracker.Final();
        if (report.Status == RunStatus.Ok) RelaxedTraining.Repair(choices, Unrolled, score, options, Request.Settings);
        CellCircuit = CircuitSimplifier.Simplify(choices.ToCircuit());
        return (report, SerialGateCell.Unroll(CellCircuit, train.InputWidth, train.OutputWidth));
    }

    /// <summary>
    /// Curriculum over the unrolled length: first the cell is trained to produce output positions 0..1, then 0..2,
    /// and so on up to all of them. A long chain learned at once tends to settle on a carry that only "generates"
    /// (a∧b) and never "propagates"; short chains teach propagation first. This assumes only what the serial
    /// architecture itself assumes: output t depends on positions ≤ t.
    /// </summary>
    private FitReport TrainGrowingUnroll(Dataset train, FitOptions options, BestOnTrainingRows<GateChoices> tracker, IProgress<FitProgress>? progress,
        CancellationToken cancellation)
    {
        int outputs = train.OutputWidth;
        int first = Math.Min(2, outputs);
        int stages = outputs - first + 1;
        int batch = Request.Settings.Batch;
        double rate = Request.Settings.LearningRate ?? 0.05;
        int totalEpochs = Math.Max(stages + 1, MinibatchLoop.EpochsFor(options, train.Rows, batch, 2 * MinibatchLoop.DefaultStepBudget));
        var (curriculum, hard) = RelaxedTraining.Phases(totalEpochs);
        FitReport report = new(RunStatus.Ok, 0, double.NaN, 0);
        var cell = _cell!.Cell;
        // Stages 0..stages-1 grow the unrolled length; the extra last stage is the straight-through phase at full length.
        // Only stages at full length can be solved: stop when solved watches those, the curriculum's own stage only for
        // a fit of the rows (EarlyStopRules.SolvedOnly), the straight-through phase with every rule.
        for (int stage = 0; stage <= stages && report.Status == RunStatus.Ok; stage++)
        {
            bool straightThrough = stage == stages;
            int length = straightThrough ? outputs : first + stage;
            int epochs = straightThrough ? RelaxedTraining.HardEpochsAfter(report, hard) : Math.Max(1, (curriculum - report.EpochsRun) / (stages - stage));
            if (straightThrough && epochs == 0) break;
            cell.StraightThrough = straightThrough;
            var phase = RelaxedTraining.Train(new Unrolled(_cell, length), PrefixOutputs(train, length), options with { Epochs = epochs },
                _device, rate, batch, RelaxedTraining.Offset(progress, report.EpochsRun, curriculum + hard), cancellation,
                length == outputs ? tracker.Observe : null, straightThrough ? EarlyStopRules.All : EarlyStopRules.SolvedOnly);
            report = stage == 0 ? phase : RelaxedTraining.Then(report, phase, straightThrough ? "straight-through phase" : $"length {length}");
            if (phase.Stopped == EarlyStopReason.Solved) break;
        }
        _cell!.Cell.StraightThrough = false;
        return report;
    }

    private static Dataset PrefixOutputs(Dataset data, int outputs)
    {
        if (outputs == data.OutputWidth) return data;
        var targets = new float[data.Rows * outputs];
        for (int r = 0; r < data.Rows; r++) data.TargetRow(r)[..outputs].CopyTo(targets.AsSpan(r * outputs, outputs));
        return new Dataset(data.Rows, data.InputWidth, outputs, data.Inputs, targets, data.Kind);
    }

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

    /// <summary>Adapts the cell to the trainer's one-argument module shape for a fixed number of positions.</summary>
    private sealed class Unrolled : nn.Module<Tensor, Tensor>
    {
        private readonly SerialGateCell _cell;
        private readonly int _outputs;

        public Unrolled(SerialGateCell cell, int outputs) : base("unrolled")
        {
            _cell = cell;
            _outputs = outputs;
            register_module("cell", cell);
        }

        public override Tensor forward(Tensor x) => _cell.Forward(x, _outputs);

        protected override void Dispose(bool disposing) { } // the learner owns the cell
    }
}
