using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Digital.Networks;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Digital.Learners;

/// <summary>
/// <c>gates</c> (fixed random wiring) and <c>gates-wired</c> (learnable wiring): a relaxed gate network trained by
/// gradient descent, then discretised into a simplified hard circuit that makes every prediction.
/// </summary>
public sealed class GateNetLearner : ILearner, ISavableLearner, ICircuitLearner
{
    public const int DefaultDepth = 3;

    public static readonly ModelDescriptor FixedWiring = new(
        "gates", "logic-gate network, fixed random wiring (difflogic), relaxed training → exact hard circuit",
        "gates per hidden layer (--depth sets the hidden layer count, default 3; one output gate per bit, or --group-sum K)",
        request => new GateNetLearner(request, Wiring.FixedRandom)) { Kinds = [TargetKind.Bits] };

    public static readonly ModelDescriptor LearnableWiring = new(
        "gates-wired", "logic-gate network with learnable softmax wiring (argmax at discretisation) → exact hard circuit",
        "gates per hidden layer (--depth sets the hidden layer count, default 3; one output gate per bit, or --group-sum K)",
        request => new GateNetLearner(request, Wiring.Learnable)) { Kinds = [TargetKind.Bits] };

    private readonly LearnerRequest _request;
    private readonly Device _device;
    private GateNetwork? _network;
    private CompiledCircuit? _compiled;

    public GateNetLearner(LearnerRequest request, Wiring wiring)
    {
        Model = wiring == Wiring.FixedRandom ? "gates" : "gates-wired";
        RelaxedTraining.RequireBits(request, Model);
        if (request.Size < 1) throw new ArgumentException($"{Model}: size (gates per layer) must be >= 1, got {request.Size}");
        Depth = request.Settings.Depth ?? DefaultDepth;
        if (Depth < 0) throw new ArgumentException($"{Model}: depth must be >= 0, got {Depth}");
        OutputGroup = request.Settings.OutputGroup ?? 1;
        if (OutputGroup < 1 || OutputGroup % 2 == 0) throw new ArgumentException($"{Model}: the group-sum size must be odd and >= 1, got {OutputGroup}");
        _request = request;
        Wiring = wiring;
        _device = RelaxedTraining.ResolveDevice(request.Settings.Device);
    }

    public string Model { get; }

    public Wiring Wiring { get; }

    public int Depth { get; }

    /// <summary>Output gates per output bit (majority of the group in the circuit); 1 without a group-sum head.</summary>
    public int OutputGroup { get; }

    public long ParameterCount =>
        GateNetwork.ParameterCountOf(_request.Shape.InputWidth, _request.Size, Depth, _request.Shape.OutputWidth, Wiring, OutputGroup);

    public long? GateCount => Circuit?.LogicGateCount;

    public HardCircuit? Circuit { get; private set; }

    /// <summary>The relaxed network (after Fit), for tests and diagnostics.</summary>
    public GateNetwork? Network => _network;

    public FitReport Fit(Dataset train, FitOptions options, IProgress<FitProgress>? progress = null, CancellationToken cancellation = default)
    {
        _request.Shape.Require(train, Model);
        manual_seed(options.Seed);
        _network?.Dispose();
        _network = Build(options.Seed, _device);
        int batch = _request.Settings.BatchSize ?? 256;
        double rate = _request.Settings.LearningRate ?? 0.05;
        int epochs = MinibatchLoop.EpochsFor(options, train.Rows, batch);
        var (relaxed, hard) = RelaxedTraining.Phases(epochs);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = RelaxedTraining.Train(_network, train, options with { Epochs = relaxed }, _device, rate, batch,
            RelaxedTraining.Offset(progress, 0, epochs), cancellation);
        if (report.Status == RunStatus.Ok && hard > 0)
        {
            _network.StraightThrough = true;
            var remaining = options.TimeBudget is { } budget ? budget - clock.Elapsed : (TimeSpan?)null;
            report = RelaxedTraining.Then(report, RelaxedTraining.Train(_network, train, options with { Epochs = hard, TimeBudget = remaining },
                _device, rate, batch, RelaxedTraining.Offset(progress, relaxed, epochs), cancellation));
            _network.StraightThrough = false;
        }
        if (report.Status is RunStatus.Ok or RunStatus.Timeout)
        {
            var choices = _network.HardChoices();
            if (report.Status == RunStatus.Ok)
                RepairEdits = RelaxedTraining.Repair(choices, c => c.ToCircuit(), train, options, _request.Settings, clock.Elapsed);
            Circuit = CircuitSimplifier.Simplify(choices.ToCircuit());
            _compiled = new CompiledCircuit(Circuit);
        }
        return report;
    }

    /// <summary>Edits the post-training local search accepted in the last fit.</summary>
    public int RepairEdits { get; private set; }

    public float[] Predict(Dataset data)
    {
        if (_compiled is null) throw new InvalidOperationException($"{Model}: Predict called before a successful Fit");
        _request.Shape.Require(data, Model);
        return _compiled.Predict(data);
    }

    public string Save(string directory) => CircuitJson.SaveToRun(Circuit, directory, Model);

    private GateNetwork Build(int seed, Device onDevice) =>
        new("gatenet", _request.Shape.InputWidth, _request.Size, Depth, _request.Shape.OutputWidth, Wiring,
            SeedStream.Derive(seed, "wiring"), residualBias: Depth >= 3 ? 2.0 : 0.0, onDevice, OutputGroup);

    public void Dispose()
    {
        _network?.Dispose();
        _network = null;
    }
}
