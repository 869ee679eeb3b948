using LogicNets.Continuous.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Spl;

/// <summary>
/// Sparse Proto Linear: per output unit ("expert") j a computation row μ_j with bias b_j, a prototype p_j and a gate
/// row g_j. match_j = cos(x, p_j), cost_j = x·g_j, r_j = match_j − cost_j; the mask m_j = 1[r_j &gt; 0] is exact in the
/// forward pass and passes its gradient straight through — to ReLU(r_j), so only firing experts learn where to fire
/// (the design), or to r_j itself (<see cref="MaskGradient.Every"/>); y_j = (μ_j·x + b_j)·m_j.
/// In training it keeps the last batch's input, mask and cost for the M-SAPS meta step and the layer statistics.
/// </summary>
public sealed class SparseProtoLinear : nn.Module<Tensor, Tensor>
{
    private readonly SplOptions _options;

    public SparseProtoLinear(int inputWidth, int outputWidth, SplOptions? options = null, string name = nameof(SparseProtoLinear))
        : base(name)
    {
        if (inputWidth < 1 || outputWidth < 1) throw new ArgumentException($"SPL needs positive widths, got {inputWidth} → {outputWidth}");
        _options = options ?? new SplOptions();
        InputWidth = inputWidth;
        OutputWidth = outputWidth;
        Computation = nn.Linear(inputWidth, outputWidth);
        Prototype = new Parameter(randn(outputWidth, inputWidth));
        // Zero gates: at the start an expert fires wherever its prototype points toward the input (about half).
        Gate = new Parameter(zeros(outputWidth, inputWidth));
        RegisterComponents();
    }

    public int InputWidth { get; }

    public int OutputWidth { get; }

    /// <summary>μ and b.</summary>
    public Linear Computation { get; }

    public Parameter Prototype { get; }

    public Parameter Gate { get; }

    /// <summary>The last training batch's input (detached), for the meta step.</summary>
    public Tensor? LastInput { get; private set; }

    /// <summary>The last training batch's mask [batch, experts] (detached, 0/1).</summary>
    public Tensor? LastMask { get; private set; }

    /// <summary>The last training batch's x·g [batch, experts] (detached), before any absolute value.</summary>
    public Tensor? LastSignedCost { get; private set; }

    /// <summary>The last training batch's firing counts and cost per expert when the fused kernel summed them; null otherwise.</summary>
    public ExpertTotals? LastTotals { get; private set; }

    private Tensor? _prototypeResidual;

    /// <summary>
    /// Sets an offset added to p in the following forward passes (the PRC stream of MoIE); null removes it. Its graph
    /// is kept, so whatever produced it learns through the main loss.
    /// </summary>
    public void UsePrototypeResidual(Tensor? residual)
    {
        if (residual is not null && !residual.shape.SequenceEqual(Prototype.shape))
            throw new ArgumentException($"prototype residual of shape [{string.Join(", ", residual.shape)}] does not fit prototypes [{OutputWidth}, {InputWidth}]");
        _prototypeResidual = residual;
        _residualValue?.Dispose();
        // The residual lives in the step's dispose scope; revival runs after it, at the epoch's end, and needs its value.
        _residualValue = residual?.detach().DetachFromDisposeScope();
    }

    private Tensor? _residualValue;

    /// <summary>The prototype the match uses: p, or p plus the residual set by <see cref="UsePrototypeResidual"/>.</summary>
    public Tensor EffectivePrototype => _prototypeResidual is null ? Prototype : Prototype + _prototypeResidual;

    /// <summary>The effective prototype with the residual held constant: what M-SAPS moves through p alone.</summary>
    public Tensor MetaPrototype => _prototypeResidual is null ? Prototype : Prototype + _prototypeResidual.detach();

    /// <summary>
    /// Makes the next forward pass first seed the prototypes on rows of its input (<see cref="SeedOnInput"/>): every
    /// expert's, or with <paramref name="silentOnly"/> only those that fire on no row of it; draws come from
    /// <paramref name="generator"/> (torch's default when null). <see cref="PrototypeSeeding"/> runs it layer by layer.
    /// </summary>
    public void SeedOnNextForward(Generator? generator = null, bool silentOnly = false) => _pendingSeed = (generator, silentOnly);

    /// <summary>Whether a seeding asked for by <see cref="SeedOnNextForward"/> has not run yet.</summary>
    public bool SeedingPending => _pendingSeed is not null;

    private (Generator? Generator, bool SilentOnly)? _pendingSeed;

    public override Tensor forward(Tensor input)
    {
        if (_pendingSeed is { } seeding)
        {
            _pendingSeed = null;
            SeedOnInput(input.detach().reshape(-1, InputWidth), seeding.Generator, seeding.SilentOnly);
        }
        if (RunsFused(input)) return FusedForward(input);
        var drive = Drive(input, out var signedCost);
        if (training && _options.Balance > 0) FiringFloorLoss = FiringFloor(drive);
        if (_options.MaskGradient == MaskGradient.Firing) drive = nn.functional.relu(drive);
        // 1[drive > 0] as ceil(clamp(drive, 0, 1)): the same 0/1, about 5× faster here than gt() and a cast to float.
        var constant = drive.detach();
        var hard = constant.clamp(0, 1).ceil();
        var mask = hard + drive - constant; // exactly 0/1 forward, d mask / d drive = 1 backward
        if (training) Remember(input, hard, signedCost);
        return Computation.forward(input) * mask;
    }

    /// <summary>
    /// Whether a forward pass on <paramref name="input"/> runs as one <see cref="FusedSplFunction"/> node
    /// (<see cref="SplKernel.Fused"/>, a CPU float32 input): then its rows may come in any leading shape, [..., in].
    /// </summary>
    public bool RunsFused(Tensor input) =>
        _options.Kernel == SplKernel.Fused && TensorSpans.IsCpuFloat32(input) && input.dim() >= 2;

    /// <summary>The forward pass as one <see cref="FusedSplFunction"/> node: the same function as the libtorch path.</summary>
    private Tensor FusedForward(Tensor input)
    {
        var batch = new FusedSplFunction.Batch();
        var (output, floorLoss) = FusedSplFunction.Apply(input, Gate, EffectivePrototype, Computation.weight!, Computation.bias!, _options, batch);
        if (training && _options.Balance > 0) FiringFloorLoss = floorLoss;
        if (training)
        {
            Remember(input, batch.Mask!, batch.SignedCost!);
            LastTotals = batch.Totals;
        }
        return output;
    }

    /// <summary>match − cost for each row and expert, and the signed products x·g the cost came from.</summary>
    private Tensor Drive(Tensor input, out Tensor signedCost)
    {
        signedCost = input.matmul(Gate.t());
        var cost = CostOf(signedCost);
        // cos(x, p) = p̂·x / ‖x‖ with normalize's floor under ‖x‖ (an all-zero input matches nothing): one elementwise
        // pass over the batch fewer than normalising x. Three products rather than one over [μ; g; p̂]: slicing one
        // product costs more in its backward pass (a zero-filled gradient per slice) than it saves (measured).
        var direction = nn.functional.normalize(EffectivePrototype, dim: -1);
        var match = input.matmul(direction.t()) / input.norm(-1, true).clamp_min(NormFloor);
        return match - cost;
    }

    /// <summary>
    /// The last training forward pass's firing-floor term (with its graph; null when <see cref="SplOptions.Balance"/> is
    /// 0): the learner adds it to the loss, so its gradient reaches prototypes and gates of silent experts.
    /// </summary>
    public Tensor? FiringFloorLoss { get; private set; }

    /// <summary>λ · mean over experts of relu(floor − rate)², the rate σ(drive/τ) averaged over the batch's rows.</summary>
    private Tensor FiringFloor(Tensor drive) =>
        nn.functional.relu(_options.BalanceFloor - nn.functional.sigmoid(drive / _options.BalanceTemperature).mean([0])).square().mean() * _options.Balance;

    /// <summary>
    /// Re-seeds the experts <paramref name="silent"/> marks (bool, one per expert): each one's effective prototype becomes
    /// a row of the last training batch drawn with torch's generator (seeded per fit), its gate and computation row
    /// zero, so the layer's output is unchanged until it learns. Returns how many were re-seeded (0 without a batch).
    /// </summary>
    public int Revive(Tensor silent)
    {
        if (LastInput is null) return 0;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var experts = silent.to(Prototype.device).nonzero().flatten();
        int count = (int)experts.shape[0];
        if (count == 0) return 0;
        var rows = LastInput.reshape(-1, InputWidth);
        PlacePrototypes(experts, rows.index_select(0, randint(rows.shape[0], [count], dtype: ScalarType.Int64, device: rows.device)));
        Gate.index_fill_(0, experts, 0);
        Computation.weight!.index_fill_(0, experts, 0);
        Computation.bias?.index_fill_(0, experts, 0);
        return count;
    }

    /// <summary>
    /// Puts each expert's effective prototype on a non-zero row r of <paramref name="rows"/> minus c·μ, μ the rows' mean:
    /// c = 1 (centred) where r·(r − μ) &gt; 0, else c = ‖r‖² / (2 r·μ), so r·p = ‖r‖²/2 — the expert always fires on its
    /// own row. Centring is what makes it selective: inputs that share a direction (moie's block 0) would otherwise all
    /// match an uncentred row (measured: activation 1.0 in every block-0 layer).
    /// </summary>
    private void SeedOnInput(Tensor rows, Generator? generator, bool silentOnly)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var experts = silentOnly
            ? Drive(rows, out _).gt(0).any(0).logical_not().nonzero().flatten()
            : arange(OutputWidth, dtype: ScalarType.Int64, device: Prototype.device);
        long count = experts.shape[0];
        var candidates = rows.index_select(0, rows.norm(1).gt(0).nonzero().flatten());
        long available = candidates.shape[0];
        if (count == 0 || available == 0) return; // nothing to seed, or nothing to aim at: keep the random start
        var chosen = available >= count
            ? randperm(available, generator: generator, dtype: ScalarType.Int64, device: rows.device).narrow(0, 0, count)
            : randint(0, available, [count], generator: generator, dtype: ScalarType.Int64, device: rows.device);
        var picked = candidates.index_select(0, chosen);
        var mean = rows.mean([0]);
        var square = picked.square().sum([1]);
        var toMean = picked.matmul(mean);
        var shift = where(square.gt(toMean), ones_like(square), square / (toMean * 2)); // toMean ≥ square > 0 there
        PlacePrototypes(experts, picked - shift.unsqueeze(1) * mean);
    }

    /// <summary>Sets the effective prototypes of <paramref name="experts"/> to <paramref name="targets"/> (one row each); callers hold no_grad.</summary>
    private void PlacePrototypes(Tensor experts, Tensor targets)
    {
        // The match reads p plus the PRC residual: subtracting the residual puts the effective prototype on the target.
        var seed = _residualValue is null ? targets : targets - _residualValue.index_select(0, experts);
        Prototype.index_copy_(0, experts, seed.to_type(Prototype.dtype));
    }

    /// <summary>The floor nn.functional.normalize puts under a norm.</summary>
    public const double NormFloor = 1e-12;

    /// <summary>Cost from the signed products x·g: the products themselves or their absolute values.</summary>
    public Tensor CostOf(Tensor signedCost) => _options.AbsoluteCost ? signedCost.abs() : signedCost;

    private void Remember(Tensor input, Tensor mask, Tensor signedCost)
    {
        LastInput?.Dispose();
        LastMask?.Dispose();
        LastSignedCost?.Dispose();
        // Detached views: the forward pass never writes to these tensors again, so no copy is needed.
        // [rows, in] whatever the leading shape (the fused node takes tokens as they come).
        LastInput = (input.dim() == 2 ? input.detach() : input.detach().reshape(-1, InputWidth)).DetachFromDisposeScope();
        LastMask = mask.detach().DetachFromDisposeScope();
        LastSignedCost = signedCost.detach().DetachFromDisposeScope();
        LastTotals = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            LastInput?.Dispose();
            LastMask?.Dispose();
            LastSignedCost?.Dispose();
            _residualValue?.Dispose();
        }
        base.Dispose(disposing);
    }
}
