using LogicNets.Continuous.Kernels;
using LogicNets.Continuous.Spl;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Moie;

/// <summary>One transformer block: h += DynSIHA(LN(h)); h += MoIE(LN(h)) (pre-norm, so the residual stream stays linear).</summary>
public sealed class MoieBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm _attentionNorm;
    private readonly LayerNorm _feedForwardNorm;
    private readonly bool _fused;

    public MoieBlock(int width, SplOptions options, string name) : base(name)
    {
        _attentionNorm = nn.LayerNorm(width);
        _feedForwardNorm = nn.LayerNorm(width);
        _fused = options.Kernel == SplKernel.Fused;
        Attention = new DynSihaAttention(width, options, "attention");
        FeedForward = new MoieFeedForward(width, options, "feed_forward");
        RegisterComponents();
    }

    public DynSihaAttention Attention { get; }

    public MoieFeedForward FeedForward { get; }

    /// <summary>The block's SPLs by kind, in the order of <see cref="Kinds"/>.</summary>
    public IReadOnlyList<SparseProtoLinear> SparseLayers =>
        [Attention.Query, Attention.Key, Attention.Value, Attention.Output, FeedForward.Up, FeedForward.Down];

    /// <summary>Names of the SPL kinds, one PRC stream each.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["q", "k", "v", "o", "up", "down"];

    public override Tensor forward(Tensor tokens)
    {
        var h = tokens + Attention.forward(LayerNormFunction.Apply(_attentionNorm, tokens, _fused));
        return h + FeedForward.forward(LayerNormFunction.Apply(_feedForwardNorm, h, _fused));
    }
}
