using LogicNets.Tasks;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Digital.Networks;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Learning;
using static TorchSharp.torch;

namespace LogicNets.Digital.Learners;

/// <summary>
/// <c>gates</c> (fixed random wiring) and <c>gates-wired</c> (learnable wiring): a relaxed gate network trained by
/// gradient descent, then discretised into a simplified hard circuit that makes every prediction.
/// </summary>
public sealed class GateNetLearner : CircuitLearner
{
    public const int DefaultDepth = 3;

    private const string SizeKnob = "gates per hidden layer (--depth sets the hidden layer count, default 3; one output gate per bit, or --group-sum K)";

    public static readonly ModelDescriptor FixedWiring = new(
        "gates", "logic-gate network, fixed random wiring (difflogic), relaxed training → exact hard circuit", SizeKnob,
        LearnerTraits.BitTargets | LearnerTraits.Circuit | LearnerTraits.GroupSumHead, request => new GateNetLearner(request, Wiring.FixedRandom))
    { OptionsType = typeof(GateNetOptions) };

    public static readonly ModelDescriptor LearnableWiring = new(
        "gates-wired", "logic-gate network with learnable wiring (sparse top-k softmax, argmax at discretisation) → exact hard circuit", SizeKnob,
        LearnerTraits.BitTargets | LearnerTraits.Circuit | LearnerTraits.GroupSumHead, request => new GateNetLearner(request, Wiring.Learnable))
    { OptionsType = typeof(WiredGateNetOptions) };

    private readonly Device _device;
    private GateNetwork? _network;

    public GateNetLearner(LearnerRequest request, Wiring wiring)
        : base(wiring == Wiring.FixedRandom ? FixedWiring.Name : LearnableWiring.Name, request, "gates per layer")
    {
        Depth = request.LayerDepth(Model, DefaultDepth, minimum: 0);
        OutputGroup = request.Settings.OutputGroup ?? 1;
        if (OutputGroup < 1 || OutputGroup % 2 == 0) throw new UserInputException($"{Model}: the group-sum size must be odd and >= 1, got {OutputGroup}");
        Wiring = wiring;
        Options = wiring == Wiring.Learnable
            ? LearnerOptionRecord.Bind<WiredGateNetOptions>(request.Settings.Options, Model)
            : LearnerOptionRecord.Bind<GateNetOptions>(request.Settings.Options, Model);
        if (Options is WiredGateNetOptions { WireTopK: < 0 } wired)
            throw new UserInputException($"{Model}: wire-top-k must be >= 0 (0 = a softmax over all inputs), got {wired.WireTopK}");
        _device = RelaxedTraining.ResolveDevice(request.Settings.Device);
    }

    /// <summary>The learner's own options (<c>--set</c>); a <see cref="WiredGateNetOptions"/> for gates-wired.</summary>
    public GateNetOptions Options { get; }

    /// <summary>Hidden layers from which the residual initialisation applies: shallower nets train as well without it.</summary>
    public const int ResidualFromDepth = 3;

    public Wiring Wiring { get; }

    public int Depth { get; }

    /// <summary>Output gates per output bit (majority of the group in the circuit); 1 without a group-sum head.</summary>
    public int OutputGroup { get; }

    public override long? ParameterCount => _network?.ParameterCount;

    /// <summary>The relaxed network (after Fit), for tests and diagnostics.</summary>
    public GateNetwork? Network => _network;

    protected override (FitReport, HardCircuit?) Train(Dataset train, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation)
    {
        manual_seed(options.Seed);
        _network?.Dispose();
        _network = new GateNetwork("gatenet", Request.Shape.InputWidth, Request.Size, Depth, Request.Shape.OutputWidth, Wiring,
            SeedStream.Derive(options.Seed, "wiring"), residualBias: Depth >= ResidualFromDepth ? Options.ResidualBias : 0.0, _device, OutputGroup,
            Options.GateForm, Options.GateKernel, skipWiring: (Options as WiredGateNetOptions)?.SkipWiring ?? false)
        { WireTopK = (Options as WiredGateNetOptions)?.WireTopK ?? 0 };
        int batch = Request.Settings.Batch;
        double rate = Request.Settings.LearningRate ?? 0.05;
        int epochs = MinibatchLoop.EpochsFor(options, train.Rows, batch);
        var (relaxed, hard) = RelaxedTraining.Phases(epochs);
        options = options.WithBudgetClock();
        var score = new PackedRowsScore(train);
        var network = _network;
        var tracker = new BestOnTrainingRows<GateChoices>(network.HardChoices, c => c.ToCircuit(), score);
        var report = RelaxedTraining.Train(_network, train, options with { Epochs = relaxed }, _device, rate, batch,
            RelaxedTraining.Offset(progress, 0, epochs), cancellation, tracker.Observe);
        hard = RelaxedTraining.HardEpochsAfter(report, hard);
        if (report.Status == RunStatus.Ok && hard > 0)
        {
            _network.StraightThrough = true;
            report = RelaxedTraining.Then(report, RelaxedTraining.Train(_network, train, options with { Epochs = hard },
                _device, rate, batch, RelaxedTraining.Offset(progress, report.EpochsRun, report.EpochsRun + hard), cancellation, tracker.Observe));
            _network.StraightThrough = false;
        }
        if (report.Status is not (RunStatus.Ok or RunStatus.Budget)) return (report, null);
        var choices = tracker.Final();
        if (report.Status == RunStatus.Ok) RelaxedTraining.Repair(choices, c => c.ToCircuit(), score, options, Request.Settings);
        return (report, CircuitSimplifier.Simplify(choices.ToCircuit()));
    }

    public override void Dispose()
    {
        _network?.Dispose();
        _network = null;
        base.Dispose();
    }
}
