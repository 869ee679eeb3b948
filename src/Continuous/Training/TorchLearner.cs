using LogicNets.Tasks;
using LogicNets.Continuous.Torch;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Training;

/// <summary>
/// What the TorchSharp learners share: seeded initialisation, minibatch Adam on the schedule of
/// <see cref="MinibatchLoop"/> (shuffling, budget, divergence and cancellation as statuses), BCE-with-logits per
/// output bit for bit tasks and MSE for real ones, batched prediction. A subclass only says how to build its network.
/// </summary>
public abstract class TorchLearner : ILearner, ISavableLearner
{
    private nn.Module<Tensor, Tensor>? _network;
    private InputEncoding _encoding = InputEncoding.ZeroOne;

    /// <summary>The file a trained network is saved to, in its run folder (TorchSharp's state format).</summary>
    public const string ModelFileName = "model.dat";

    protected TorchLearner(string model, LearnerRequest request, double defaultLearningRate)
    {
        Model = model;
        if (request.Size < 1) throw new UserInputException($"{model}: size must be >= 1, got {request.Size}");
        Request = request;
        Device = TorchDevice.Resolve(request.Settings.Device);
        LearningRate = request.Settings.LearningRate ?? defaultLearningRate;
        BatchSize = request.Settings.Batch;
        if (BatchSize < 1) throw new UserInputException($"batch size must be >= 1, got {BatchSize}");
    }

    public string Model { get; }

    /// <inheritdoc/>
    public long? ParameterCount => _network?.parameters().Sum(parameter => parameter.numel());

    public long? GateCount => null;

    protected LearnerRequest Request { get; }

    /// <summary>The trained network (null before Fit), for diagnostics.</summary>
    public nn.Module<Tensor, Tensor>? Network => _network;

    /// <summary>The input encoding the last fit used.</summary>
    public InputEncoding Encoding => _encoding;

    /// <summary>The torch device the network lives on (<c>--device</c>).</summary>
    public Device Device { get; }

    protected double LearningRate { get; }

    protected int BatchSize { get; }

    /// <summary>
    /// When true the learning rate follows a cosine from its start value to zero over the run's steps; small exact
    /// models need this to settle below float32-level error instead of circling the optimum at Adam's step size.
    /// </summary>
    protected virtual bool AnnealLearningRate => false;

    /// <summary>
    /// Rows per prediction chunk. Tensors of hundreds of megabytes cost more in fresh pages than in arithmetic, so a
    /// learner whose activations are much wider than its input (one token per bit) asks for smaller chunks.
    /// </summary>
    protected virtual int PredictChunk => 65536;

    /// <summary>Parameters of the main optimiser; a learner with meta parameters keeps those for its own optimiser.</summary>
    protected virtual IEnumerable<TorchSharp.Modules.Parameter> MainParameters(nn.Module<Tensor, Tensor> network) => network.parameters();

    /// <summary>The optimizer steps the current fit plans (all its epochs; stop when solved may end it sooner).</summary>
    protected long PlannedSteps { get; private set; }

    /// <summary>Called once per fit after the network is built and moved to the device, with the training inputs on it and the fit's seed.</summary>
    protected virtual void BeginFit(nn.Module<Tensor, Tensor> network, Tensor inputs, int seed) { }

    /// <summary>An extra loss term added before backward (regularisation), or null.</summary>
    protected virtual Tensor? Regularization(nn.Module<Tensor, Tensor> network) => null;

    /// <summary>Called after the main backward pass and before the main optimiser steps (meta-learning lives here).</summary>
    protected virtual void AfterBackward(Tensor output, Tensor target) { }

    /// <summary>Called at the end of every completed epoch.</summary>
    protected virtual void EndEpoch(int epoch) { }

    /// <summary>The optimiser of the main parameters: Adam at <see cref="LearningRate"/>.</summary>
    protected virtual optim.Optimizer CreateOptimizer(IEnumerable<TorchSharp.Modules.Parameter> parameters) => optim.Adam(parameters, LearningRate);

    /// <summary>Builds the network (called once per fit, after the seed is set, so weights are reproducible).</summary>
    protected abstract nn.Module<Tensor, Tensor> BuildNetwork();

    public FitReport Fit(Dataset train, FitOptions options, IProgress<FitProgress>? progress = null, CancellationToken cancellation = default)
    {
        Request.Shape.Require(train, Model);
        _encoding = options.Encoding;
        KeptEpoch = null;
        torch.random.manual_seed(options.Seed);
        _network?.Dispose();
        _network = BuildNetwork();
        _network.to(Device);
        _network.train();

        PlannedSteps = MinibatchLoop.TotalSteps(train.Rows, BatchSize, MinibatchLoop.EpochsFor(options, train.Rows, BatchSize));
        using var x = TensorData.Inputs(train, options.Encoding, Device);
        using var y = TensorData.Targets(train, Device);
        BeginFit(_network, x, options.Seed);
        using var optimizer = CreateOptimizer(MainParameters(_network));
        var network = _network;
        var schedule = AnnealLearningRate ? optim.lr_scheduler.CosineAnnealingLR(optimizer, (int)Math.Min(PlannedSteps, int.MaxValue)) : null;
        bool bits = Request.Shape.Kind == TargetKind.Bits;
        using var best = KeepBestWeights && bits ? new BestWeights(network) : null;
        int scored = 0;
        // The training fit of the weights as they stand, while no step has run since it was taken: a fit that ends at an
        // epoch's end needs no second pass over the training rows to compare its last weights with its best.
        double? standingScore = null;
        var report = MinibatchLoop.Run(train.Rows, BatchSize, options, rows =>
        {
            standingScore = null;
            using var scope = NewDisposeScope();
            var index = tensor(rows, dtype: ScalarType.Int64, device: Device);
            optimizer.zero_grad();
            var output = network.forward(x.index_select(0, index));
            var target = y.index_select(0, index);
            var loss = Loss(output, target);
            var objective = Regularization(network) is { } penalty ? loss + penalty : loss;
            objective.backward();
            AfterBackward(output.detach(), target);
            optimizer.step();
            schedule?.step();
            return loss.item<float>();
        }, new EpochHook(this, progress), cancellation,
            trainScore: bits ? () =>
            {
                var fit = TrainingFitOf(network, x, y, train.Care);
                standingScore = fit.Score;
                return best?.Observe(++scored, fit) ?? fit; // asked once per epoch, so the count is the epoch
            } : null,
            rules: EarlyStopRules.SolvedOrPlateau);
        // A fit that was never scored (one epoch: the loop scores every epoch but the last) kept nothing to compare with.
        if (best is null || !best.HoldsWeights || report.Status != RunStatus.Ok) return report;
        double final = standingScore ?? TrainingFitOf(network, x, y, train.Care).Score;
        if (!best.RestoreIfBetter(final)) return report;
        KeptEpoch = best.Epoch;
        string restored = $"kept the weights of epoch {best.Epoch} (training score {best.Score:0.####}; {final:0.####} at the end)";
        return report with { Message = report.Message is null ? restored : $"{report.Message}; {restored}" };
    }

    /// <summary>
    /// When true a bit-task fit ends with the weights of its best training score (<see cref="BestWeights"/>) rather than
    /// its last ones, and says so in the run's message.
    /// </summary>
    protected virtual bool KeepBestWeights => false;

    /// <summary>The epoch whose weights the last fit ended with when it kept earlier ones (<see cref="KeepBestWeights"/>); null when it ended with its last.</summary>
    public int? KeptEpoch { get; private set; }

    /// <summary>
    /// The logit margin a training bit needs to count as fitted for stop when solved (σ(2) ≈ 0.88): a net that has
    /// only just separated its training rows has not yet found a rule that holds beyond them (measured: an mlp on
    /// parity:12:3 from a quarter of the table separates its rows while 0.13 % of the test bits are still wrong).
    /// </summary>
    public const double FitMargin = 2.0;

    /// <summary>
    /// The network's bit accuracy on the training rows (specified bits only), and whether it gets every one right with
    /// <see cref="FitMargin"/>: what stop when solved watches. Real-valued tasks have no such score and train their
    /// planned epochs.
    /// </summary>
    private TrainingFit TrainingFitOf(nn.Module<Tensor, Tensor> network, Tensor x, Tensor y, bool[]? care)
    {
        network.eval();
        using var noGrad = no_grad();
        long rows = x.shape[0], wrong = 0, unsure = 0;
        using var mask = care is null ? null : tensor(care, [rows, y.shape[1]], device: Device);
        for (long start = 0; start < rows; start += PredictChunk)
        {
            // A scope per chunk: one scope around the loop kept every chunk's activations to the end (moie on add:12's
            // 65 536 rows: tens of gigabytes, and the out-of-memory killer).
            using var scope = NewDisposeScope();
            long count = Math.Min(PredictChunk, rows - start);
            // The logit on the target's side of zero: right above 0, right with margin above FitMargin.
            var signed = network.forward(x.narrow(0, start, count)).mul(y.narrow(0, start, count).mul(2).sub(1));
            Tensor miss = signed.le(0), weak = signed.lt(FitMargin);
            if (mask is not null)
            {
                miss = miss.logical_and(mask.narrow(0, start, count));
                weak = weak.logical_and(mask.narrow(0, start, count));
            }
            wrong += miss.sum().item<long>();
            unsure += weak.sum().item<long>();
        }
        network.train();
        long specified = care?.LongCount(c => c) ?? y.numel();
        return specified == 0 ? new TrainingFit(1.0, true) : new TrainingFit(1.0 - (double)wrong / specified, unsure == 0);
    }

    /// <summary>Forwards epoch progress to the caller after letting the learner close its epoch.</summary>
    private sealed class EpochHook(TorchLearner learner, IProgress<FitProgress>? inner) : IProgress<FitProgress>
    {
        public void Report(FitProgress value)
        {
            learner.EndEpoch(value.Epoch);
            inner?.Report(value);
        }
    }

    public float[] Predict(Dataset data)
    {
        if (_network is null) throw new InvalidOperationException($"{Model}: Predict called before Fit");
        Request.Shape.Require(data, Model);
        _network.eval();
        var result = new float[data.Targets.Length];
        using var noGrad = no_grad();
        using var x = TensorData.Inputs(data, _encoding, Device);
        for (int start = 0; start < data.Rows; start += PredictChunk)
        {
            using var scope = NewDisposeScope();
            int count = Math.Min(PredictChunk, data.Rows - start);
            var output = _network.forward(x.narrow(0, start, count));
            if (Request.Shape.Kind == TargetKind.Bits) output = output.gt(0).to_type(ScalarType.Float32);
            output.cpu().data<float>().CopyTo(result, start * data.OutputWidth);
        }
        return result;
    }

    public string Save(string directory)
    {
        if (_network is null) throw new InvalidOperationException($"{Model}: nothing to save before Fit");
        string path = Path.Combine(directory, ModelFileName);
        LogicNets.Tasks.Files.AtomicFile.Write(path, temp => _network.save(temp));
        return path;
    }

    public void Load(string directory, InputEncoding encoding)
    {
        string path = Path.Combine(directory, ModelFileName);
        if (!File.Exists(path)) throw new UserInputException($"'{directory}' has no {ModelFileName}: the run saved no {Model} model (only scored runs do)");
        _network?.Dispose();
        _network = BuildNetwork();
        try { _network.load(path); }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or EndOfStreamException)
        {
            throw new UserInputException($"'{path}' does not fit a {Model} of this size and settings: {e.Message}", e);
        }
        _network.to(Device);
        _network.eval();
        _encoding = encoding;
    }

    private Tensor Loss(Tensor output, Tensor target) =>
        Request.Shape.Kind == TargetKind.Bits
            ? nn.functional.binary_cross_entropy_with_logits(output, target)
            : nn.functional.mse_loss(output, target);

    public void Dispose()
    {
        _network?.Dispose();
        _network = null;
        GC.SuppressFinalize(this);
    }
}
