using LogicNets.Continuous.Training;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Spl;

/// <summary>
/// What the SPL-family learners share: prototypes and gates in a separate (meta) Adam optimiser stepped after
/// M-SAPS adds its gradients, optional adaptive L2 on the computation rows, and per-epoch layer statistics.
/// </summary>
public abstract class SparseMetaLearner(string model, LearnerRequest request, double defaultLearningRate, SplOptions options)
    : TorchLearner(model, request, defaultLearningRate), ILayerTelemetry
{
    private optim.Optimizer? _metaOptimizer;
    private optim.lr_scheduler.LRScheduler? _metaSchedule;
    private Msaps? _msaps;
    private SparseLayerStats? _stats;
    private List<SparseProtoLinear> _layers = [];
    private List<TorchSharp.Modules.Parameter> _mainParameters = [];

    /// <summary>The SPL options: the learner's defaults with the run's <c>--set</c> values applied.</summary>
    public SplOptions Options { get; } = options;

    protected override bool AnnealLearningRate => Options.Anneal;

    /// <remarks>Measured: spl on parity:16:3 fits every training bit by epoch 8 and drifts to 0.89–0.95 while patience runs out.</remarks>
    protected override bool KeepBestWeights => true;

    public IReadOnlyList<LayerEpochStats> LayerStats => _stats?.Rows ?? [];

    /// <summary>The network's SPL layers with names for the statistics table.</summary>
    protected abstract IReadOnlyList<(string Name, SparseProtoLinear Layer)> SparseLayers(nn.Module<Tensor, Tensor> network);

    /// <summary>
    /// The SPL layers grouped into the forward passes that seed them (<see cref="PrototypeSeeding.Seed"/>); by default
    /// one pass for all, which is right when a layer's input depends on earlier layers only through their outputs.
    /// </summary>
    protected virtual IReadOnlyList<IReadOnlyList<SparseProtoLinear>> SeedingPasses(nn.Module<Tensor, Tensor> network) =>
        [SparseLayers(network).Select(entry => entry.Layer).ToList()];

    protected override IEnumerable<TorchSharp.Modules.Parameter> MainParameters(nn.Module<Tensor, Tensor> network)
    {
        var meta = SparseLayers(network).SelectMany(entry => new[] { entry.Layer.Prototype.Handle, entry.Layer.Gate.Handle }).ToHashSet();
        return network.parameters().Where(parameter => !meta.Contains(parameter.Handle));
    }

    protected override void BeginFit(nn.Module<Tensor, Tensor> network, Tensor inputs, int seed)
    {
        var named = SparseLayers(network);
        _layers = named.Select(entry => entry.Layer).ToList();
        if (Options.PrototypeStart != PrototypeStart.Random) SeedPrototypes(network, inputs, seed);
        _mainParameters = MainParameters(network).ToList();
        _metaOptimizer?.Dispose();
        _metaOptimizer = null;
        _metaSchedule = null;
        // A meta learning rate of 0 freezes the routing: no gradient is computed for prototypes and gates at all (the
        // same numbers as stepping them by 0, at less cost), and M-SAPS, which only feeds that step, does not run.
        bool routingLearns = Options.MetaLearningRate > 0;
        foreach (var layer in _layers)
        {
            layer.Prototype.requires_grad = routingLearns;
            layer.Gate.requires_grad = routingLearns;
        }
        if (routingLearns)
        {
            _metaOptimizer = optim.Adam(_layers.SelectMany(layer => new[] { layer.Prototype, layer.Gate }), Options.MetaLearningRate);
            _metaSchedule = AnnealLearningRate ? optim.lr_scheduler.CosineAnnealingLR(_metaOptimizer, (int)Math.Min(PlannedSteps, int.MaxValue)) : null;
        }
        _msaps = new Msaps(_layers, Options);
        _stats?.Dispose();
        _stats = new SparseLayerStats(named);
    }

    /// <summary>
    /// Seeds the prototypes (<see cref="PrototypeSeeding"/>) on a random batch of training rows. The draws come from a
    /// generator of their own, seeded by the fit's seed: the training's random stream (shuffling, revival) is the one a
    /// random start would see, so a fit in which no expert is seeded repeats the random start's numbers exactly.
    /// </summary>
    private void SeedPrototypes(nn.Module<Tensor, Tensor> network, Tensor inputs, int seed)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed, inputs.device);
        long rows = inputs.shape[0];
        var batch = inputs.index_select(0, randperm(rows, generator: generator, dtype: ScalarType.Int64, device: inputs.device).narrow(0, 0, Math.Min(rows, BatchSize)));
        PrototypeSeeding.Seed(network, SeedingPasses(network), batch, generator, silentOnly: Options.PrototypeStart == PrototypeStart.RandomOrInputs);
    }

    /// <summary>
    /// With <see cref="SplKernel.Fused"/> on CPU the main parameters' Adam step runs as SIMD loops too
    /// (<see cref="FusedAdam"/>), and clips their gradient's norm inside them.
    /// </summary>
    protected override optim.Optimizer CreateOptimizer(IEnumerable<TorchSharp.Modules.Parameter> parameters) =>
        FusedAdamStep ? new FusedAdam(parameters, LearningRate, Options.GradientClip) : base.CreateOptimizer(parameters);

    private bool FusedAdamStep => Options.Kernel == SplKernel.Fused && Device.type == DeviceType.CPU;

    protected override Tensor? Regularization(nn.Module<Tensor, Tensor> network)
    {
        Tensor? penalty = null;
        foreach (var layer in _layers)
            if (layer.FiringFloorLoss is { } floor) penalty = penalty is null ? floor : penalty + floor;
        if (Options.AdaptiveL2 <= 0) return penalty;
        foreach (var layer in _layers)
        {
            var rows = layer.Computation.weight!;
            // λ follows the current mean row norm, so the pull is proportional to how large the weights have grown.
            double lambda = Options.AdaptiveL2 * rows.detach().square().sum([1]).sqrt().mean().item<float>();
            var term = rows.square().sum() * lambda;
            penalty = penalty is null ? term : penalty + term;
        }
        return penalty;
    }

    protected override void AfterBackward(Tensor output, Tensor target)
    {
        _stats!.AddBatch();
        if (_metaOptimizer is not null)
        {
            // The batch accuracy (a host read) only sets protection's temperature.
            if (Options.Msaps) _msaps!.AddMetaGradients(Options.Protection ? BatchAccuracy(output, target) : null);
            _metaOptimizer.step();
            _metaOptimizer.zero_grad();
            _metaSchedule?.step();
        }
        // After M-SAPS has read the computation rows' gradients, before the main optimiser steps with them.
        if (Options.GradientClip > 0 && !FusedAdamStep) nn.utils.clip_grad_norm_(_mainParameters, Options.GradientClip);
    }

    protected override void EndEpoch(int epoch) => _stats?.EndEpoch(epoch, Options.Revive);

    private double BatchAccuracy(Tensor output, Tensor target)
    {
        using var scope = NewDisposeScope();
        return Request.Shape.Kind == TargetKind.Bits
            ? output.gt(0).to_type(target.dtype).eq(target).to_type(ScalarType.Float32).mean().item<float>()
            : 1.0 / (1.0 + nn.functional.mse_loss(output, target).item<float>());
    }
}
