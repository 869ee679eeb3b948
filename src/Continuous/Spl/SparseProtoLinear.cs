using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Spl;

/// <summary>
/// Sparse Proto Linear: per output unit ("expert") j a computation row μ_j with bias b_j, a prototype p_j and a gate
/// row g_j. match_j = cos(x, p_j), cost_j = x·g_j, r_j = ReLU(match_j − cost_j); the mask m_j = 1[r_j &gt; 0] is exact
/// in the forward pass and passes its gradient straight through to r_j; y_j = (μ_j·x + b_j)·m_j.
/// In training it keeps the last batch's input and mask for the M-SAPS meta step.
/// </summary>
public sealed class SparseProtoLinear : nn.Module<Tensor, Tensor>
{
    private readonly bool _absoluteCost;

    public SparseProtoLinear(int inputWidth, int outputWidth, bool absoluteCost = false, string name = nameof(SparseProtoLinear))
        : base(name)
    {
        if (inputWidth < 1 || outputWidth < 1) throw new ArgumentException($"SPL needs positive widths, got {inputWidth} → {outputWidth}");
        _absoluteCost = absoluteCost;
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

    /// <summary>The last training batch's cost [batch, experts] (detached).</summary>
    public Tensor? LastCost { get; private set; }

    /// <summary>cost = x·g (or |x·g|) for a batch of inputs.</summary>
    public Tensor Cost(Tensor input)
    {
        var cost = input.matmul(Gate.t());
        return _absoluteCost ? cost.abs() : cost;
    }

    /// <summary>match = cos(x, p) for a batch of inputs; an all-zero input matches nothing (0).</summary>
    public Tensor Match(Tensor input)
    {
        return nn.functional.normalize(input, dim: -1).matmul(nn.functional.normalize(EffectivePrototype, dim: -1).t());
    }

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
    }

    /// <summary>The prototype the match uses: p, or p plus the residual set by <see cref="UsePrototypeResidual"/>.</summary>
    public Tensor EffectivePrototype => _prototypeResidual is null ? Prototype : Prototype + _prototypeResidual;

    /// <summary>The effective prototype with the residual held constant: what M-SAPS moves through p alone.</summary>
    public Tensor MetaPrototype => _prototypeResidual is null ? Prototype : Prototype + _prototypeResidual.detach();

    public override Tensor forward(Tensor input)
    {
        var cost = Cost(input);
        var drive = nn.functional.relu(Match(input) - cost);
        var hard = drive.gt(0).to_type(drive.dtype);
        var mask = hard + drive - drive.detach(); // exactly 0/1 forward, d mask / d r = 1 backward
        if (training)
        {
            Remember(input, hard, cost);
        }
        return Computation.forward(input) * mask;
    }

    private void Remember(Tensor input, Tensor mask, Tensor cost)
    {
        LastInput?.Dispose();
        LastMask?.Dispose();
        LastCost?.Dispose();
        LastInput = input.detach().clone().DetachFromDisposeScope();
        LastMask = mask.detach().clone().DetachFromDisposeScope();
        LastCost = cost.detach().clone().DetachFromDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            LastInput?.Dispose();
            LastMask?.Dispose();
            LastCost?.Dispose();
        }
        base.Dispose(disposing);
    }
}
