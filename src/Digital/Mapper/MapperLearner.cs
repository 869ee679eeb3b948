using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Digital.Learners;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Digital.Mapper;

/// <summary>
/// <c>mapper</c>: digital layers trained by target propagation, no gradients. <c>depth</c> blocks of
/// [wire selector (inputs ∪ ¬inputs → 2·size) → size fixed gates (AND, OR, XOR)], then a wire selector to the
/// outputs. Every layer is hard at all times, so the trained model is its circuit.
/// </summary>
public sealed class MapperLearner : ILearner, ISavableLearner, ICircuitLearner
{
    public const int DefaultDepth = 2;

    public static readonly ModelDescriptor Descriptor = new(
        "mapper", "hard wire selectors and AND/OR/XOR gates trained by target propagation (digital mapper), no gradients",
        "gates per block (--depth sets the number of blocks, default 2; --lr the selector rate, default 1)",
        request => new MapperLearner(request)) { Kinds = [TargetKind.Bits] };

    private readonly LearnerRequest _request;
    private readonly List<(WireSelectorLayer Wires, MapperGateLayer Gates)> _blocks = [];
    private WireSelectorLayer? _output;
    private CompiledCircuit? _compiled;

    public MapperLearner(LearnerRequest request)
    {
        RelaxedTraining.RequireBits(request, Model);
        if (request.Size < 1) throw new ArgumentException($"{Model}: size (gates per block) must be >= 1, got {request.Size}");
        Depth = request.Settings.Depth ?? DefaultDepth;
        if (Depth < 0) throw new ArgumentException($"{Model}: depth must be >= 0, got {Depth}");
        _request = request;
    }

    public string Model => "mapper";

    public int Depth { get; }

    /// <summary>Selector scores: 2 × sources per selected wire.</summary>
    public long ParameterCount
    {
        get
        {
            long count = 0;
            int width = _request.Shape.InputWidth;
            for (int d = 0; d < Depth; d++)
            {
                count += 2L * _request.Size * 2 * width;
                width = _request.Size;
            }
            return count + (long)_request.Shape.OutputWidth * 2 * width;
        }
    }

    public long? GateCount => Circuit?.LogicGateCount;

    public HardCircuit? Circuit { get; private set; }

    public FitReport Fit(Dataset train, FitOptions options, IProgress<FitProgress>? progress = null, CancellationToken cancellation = default)
    {
        _request.Shape.Require(train, Model);
        var rng = SeedStream.For(options.Seed, "mapper");
        _blocks.Clear();
        int width = train.InputWidth;
        for (int d = 0; d < Depth; d++)
        {
            var wires = new WireSelectorLayer(width, 2 * _request.Size, deduplicate: true);
            wires.Randomise(rng);
            _blocks.Add((wires, new MapperGateLayer(_request.Size)));
            width = _request.Size;
        }
        _output = new WireSelectorLayer(width, train.OutputWidth, deduplicate: false);
        _output.Randomise(rng);
        double rate = _request.Settings.LearningRate ?? 1.0;
        var report = MinibatchLoop.Run(train.Rows, _request.Settings.BatchSize ?? 256, options,
            rows => 1 - Step(Signs(train.Inputs, train.InputWidth, rows), Signs(train.Targets, train.OutputWidth, rows), rate),
            progress, cancellation, stepBudget: 1000);
        if (report.Status is RunStatus.Ok or RunStatus.Timeout)
        {
            Circuit = CircuitSimplifier.Simplify(ToCircuit(train.InputWidth));
            _compiled = new CompiledCircuit(Circuit);
        }
        return report;
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
        int Emit(int op, int a, int b) { gates.Add(new Gate(op, a, b)); return inputs + gates.Count - 1; }
        int[] Select(WireSelectorLayer wires, int[] sources) => wires.Choice
            .Select(j => j < wires.Inputs ? sources[j] : Emit(12, sources[j - wires.Inputs], sources[j - wires.Inputs])).ToArray();

        var nodes = Enumerable.Range(0, inputs).ToArray();
        foreach (var (wires, layer) in _blocks)
        {
            var selected = Select(wires, nodes);
            nodes = Enumerable.Range(0, layer.Units)
                .Select(u => Emit(layer.Op(u) switch { MapperGate.And => 1, MapperGate.Or => 7, _ => 6 }, selected[2 * u], selected[2 * u + 1]))
                .ToArray();
        }
        return new HardCircuit(inputs, gates, Select(_output!, nodes));
    }

    public float[] Predict(Dataset data)
    {
        if (_compiled is null) throw new InvalidOperationException($"{Model}: Predict called before Fit");
        _request.Shape.Require(data, Model, outputsToo: false);
        return _compiled.Predict(data);
    }

    public string Save(string directory) => CircuitJson.SaveToRun(Circuit, directory, Model);

    public void Dispose() { }
}
