using LogicNets.Tasks;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Digital.Networks;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Learning;
using static TorchSharp.torch;

namespace LogicNets.Digital.Learners;

/// <summary>
/// <c>gates-conv</c>: a layered gate network convolved along the bit positions (<see cref="ConvGateNetwork"/>),
/// trained over growing output prefixes (<see cref="OutputPrefixCurriculum"/>), relaxed and then straight-through,
/// then discretised and repaired into a hard circuit.
/// </summary>
public sealed class ConvGateLearner : CircuitLearner
{
    public static readonly ModelDescriptor Descriptor = new(
        "gates-conv", "layered gate network shared along the bit positions (each gate reads positions t and t-1 of earlier layers) → exact hard circuit; up to 9 restarts until the circuit fits",
        "gates per position in each layer (--depth sets the layer count, default: twice the output width)",
        LearnerTraits.BitTargets | LearnerTraits.Circuit, request => new ConvGateLearner(request))
    { OptionsType = typeof(ConvGateNetOptions) };

    private readonly Device _device;
    private ConvGateNetwork? _network;

    public ConvGateLearner(LearnerRequest request) : base(Descriptor.Name, request, "gates per position")
    {
        if (request.Shape.InputWidth < 2)
            throw new UserInputException($"{Model} reads two operands bit by bit; the task has only {request.Shape.InputWidth} input bit(s)");
        Depth = request.LayerDepth(Model, DefaultDepth(request.Shape.OutputWidth), minimum: 0);
        Options = LearnerOptionRecord.Bind<ConvGateNetOptions>(request.Settings.Options, Model);
        if (Options.WireTopK < 0) throw new UserInputException($"{Model}: wire-top-k must be >= 0 (0 = a softmax over all candidates), got {Options.WireTopK}");
        _device = RelaxedTraining.ResolveDevice(request.Settings.Device);
    }

    public ConvGateNetOptions Options { get; }

    /// <summary>
    /// Two layers per output position: a carry passes one position in two gate levels (c' = g ∨ (p ∧ c)), so output t
    /// of an adder needs about 2t levels. With one layer per output (add:8, depth 9) the net fitted four sum bits and
    /// no more.
    /// </summary>
    public static int DefaultDepth(int outputs) => 2 * outputs;

    public int Depth { get; }

    /// <summary>
    /// Starts on add:8 either fit a prefix within a few epochs or stay at the carry that only generates (seeds 2 and 3
    /// at length 3: 0.958 and 0.979 of its training bits after 23 epochs), so as for <c>gates-serial</c> up to
    /// <see cref="FitOptions.AutoRestartCap"/> further starts, each given up at the first prefix it does not fit; none
    /// under a step cap (a suite's run).
    /// </summary>
    protected override int? DefaultRestarts(FitOptions options) => options.StepCap is null ? FitOptions.AutoRestartCap : null;

    public override long? ParameterCount => _network?.ParameterCount;

    protected override (FitReport, HardCircuit?) Train(Dataset train, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation)
    {
        manual_seed(options.Seed);
        _network?.Dispose();
        var (_, carry) = SerialGateCell.Layout(train.InputWidth);
        _network = new ConvGateNetwork("gateconv", Request.Size, Depth, carry, SeedStream.Derive(options.Seed, "wiring"), Options.ResidualBias, _device, Options.GateForm)
        { WireTopK = Options.WireTopK };
        options = options.WithBudgetClock();
        var score = new PackedRowsScore(train);
        var network = _network;
        HardCircuit Unrolled(GateChoices c) => ConvGateNetwork.Unroll(c, train.InputWidth, train.OutputWidth);
        var tracker = new BestOnTrainingRows<GateChoices>(network.HardChoices, Unrolled, score);
        var report = OutputPrefixCurriculum.Train(new Positional(network), train, options, _device, Request.Settings.LearningRate ?? 0.05,
            Request.Settings.Batch, tracker, progress, cancellation, fullLengthRules: EarlyStopRules.All);
        if (report.Status is not (RunStatus.Ok or RunStatus.Budget)) return (report, null);
        var choices = tracker.Final();
        if (report.Status == RunStatus.Ok && !report.GivenUp) RelaxedTraining.Repair(choices, Unrolled, score, options, Request.Settings);
        return (report, Unrolled(choices));
    }

    public override void Dispose()
    {
        _network?.Dispose();
        _network = null;
        base.Dispose();
    }

    /// <summary>The network as the curriculum trains it.</summary>
    private sealed class Positional(ConvGateNetwork network) : IPositionalGateNet
    {
        public nn.Module<Tensor, Tensor> AtOutputs(int outputs) => new AtOutputsModule(network, network.Forward, outputs);

        public HardCircuit Circuit(int inputWidth, int outputs) => ConvGateNetwork.Unroll(network.HardChoices(), inputWidth, outputs);

        public bool StraightThrough { set => network.StraightThrough = value; }
    }
}
