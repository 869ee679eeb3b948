using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Digital.Gates;
using LogicNets.Digital.Learners;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Learning;

namespace LogicNets.Digital.Mapper;

/// <summary>
/// <c>mapper</c>: digital layers trained by target propagation, no gradients. <c>depth</c> blocks of
/// [wire selector (inputs ∪ ¬inputs → 2·size) → size fixed gates (AND, OR, XOR)], then a wire selector to the
/// outputs. Every layer is hard at all times, so the trained model is its circuit.
/// </summary>
public sealed class MapperLearner : CircuitLearner
{
    public const int DefaultDepth = 2;

    public static readonly ModelDescriptor Descriptor = new(
        "mapper", "hard wire selectors and AND/OR/XOR gates trained by target propagation (digital mapper), no gradients",
        "gates per block (--depth sets the number of blocks, default 2; --lr the selector rate, default 1)",
        LearnerTraits.BitTargets | LearnerTraits.Circuit, request => new MapperLearner(request));

    private readonly List<(WireSelectorLayer Wires, MapperGateLayer Gates)> _blocks = [];
    private WireSelectorLayer? _output;

    public MapperLearner(LearnerRequest request) : base(Descriptor.Name, request, "gates per block")
    {
        Depth = request.LayerDepth(Model, DefaultDepth, minimum: 0);
    }

    public int Depth { get; }

    /// <summary>Selector scores of the built layers: one per (selected wire, source or its negation); null before a fit.</summary>
    public override long? ParameterCount =>
        _output is null ? null : _blocks.Sum(block => block.Wires.ScoreCount) + _output.ScoreCount;

    protected override (FitReport, HardCircuit?) Train(Dataset train, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation)
    {
        var rng = SeedStream.For(options.Seed, "mapper");
        _blocks.Clear();
        int width = train.InputWidth;
        for (int d = 0; d < Depth; d++)
        {
            var wires = new WireSelectorLayer(width, 2 * Request.Size, deduplicate: true);
            wires.Randomise(rng);
            _blocks.Add((wires, new MapperGateLayer(Request.Size)));
            width = Request.Size;
        }
        _output = new WireSelectorLayer(width, train.OutputWidth, deduplicate: false);
        _output.Randomise(rng);
        double rate = Request.Settings.LearningRate ?? 1.0;
        // Target propagation moves the selectors every step, and the circuit with them: the fit keeps the best circuit
        // any epoch had on the training rows, not the last (as the gate nets do).
        var best = new BestOnTrainingRows<HardCircuit>(() => ToCircuit(train.InputWidth), circuit => circuit, new PackedRowsScore(train));
        var report = MinibatchLoop.Run(train.Rows, Request.Settings.Batch, options,
            rows => 1 - Step(Signs(train.Inputs, train.InputWidth, rows), Signs(train.Targets, train.OutputWidth, rows), rate),
            progress, cancellation, stepBudget: 1000, trainScore: best.Observe);
        if (report.Status is not (RunStatus.Ok or RunStatus.Budget)) return (report, null);
        return (report, CircuitSimplifier.Simplify(best.Final()));
    }

    /// <summary>One forward/backward pass; returns the batch's output bit accuracy before the update.</summary>
    private double Step(float[,] x, float[,] target, double rate)
    {
        var activations = new List<(float[,] In, float[,] Selected, float[,] Out)>();
        var h = x;
        foreach (var (wires, gates) in _blocks)
        {
            var selected = wires.Forward(h);
            var next = gates.Forward(selected);
            activations.Add((h, selected, next));
            h = next;
        }
        var y = _output!.Forward(h);
        double right = 0;
        for (int b = 0; b < y.GetLength(0); b++)
            for (int o = 0; o < y.GetLength(1); o++)
                if (y[b, o] * target[b, o] > 0) right++;
        var t = _output.Backward(h, y, target, rate);
        for (int d = _blocks.Count - 1; d >= 0; d--)
        {
            var (input, selected, output) = activations[d];
            var gateTargets = _blocks[d].Gates.Backward(selected, output, t);
            t = _blocks[d].Wires.Backward(input, selected, gateTargets, rate);
        }
        return right / y.Length;
    }

    private static float[,] Signs(float[] values, int width, long[] rows)
    {
        var x = new float[rows.Length, width];
        for (int r = 0; r < rows.Length; r++)
            for (int i = 0; i < width; i++) x[r, i] = values[rows[r] * width + i] > 0.5f ? 1 : -1;
        return x;
    }

    /// <summary>Selections become wires (with a NOT gate for a negated source), gate units AND/OR/XOR gates.</summary>
    private HardCircuit ToCircuit(int inputs)
    {
        var gates = new List<Gate>();
        int Emit(GateOp op, int a, int b) { gates.Add(new Gate(op, a, b)); return inputs + gates.Count - 1; }
        int[] Select(WireSelectorLayer wires, int[] sources) => wires.Choice
            .Select(j => j < wires.Inputs ? sources[j] : Emit(GateOp.NotA, sources[j - wires.Inputs], sources[j - wires.Inputs])).ToArray();

        var nodes = Enumerable.Range(0, inputs).ToArray();
        foreach (var (wires, layer) in _blocks)
        {
            var selected = Select(wires, nodes);
            nodes = Enumerable.Range(0, layer.Units)
                .Select(u => Emit(layer.Op(u) switch { MapperGate.And => GateOp.And, MapperGate.Or => GateOp.Or, _ => GateOp.Xor }, selected[2 * u], selected[2 * u + 1]))
                .ToArray();
        }
        return new HardCircuit(inputs, gates, Select(_output!, nodes));
    }
}
