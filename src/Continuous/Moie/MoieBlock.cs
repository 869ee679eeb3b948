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

    public MoieBlock(int width, SplOptions options, string name) : base(name)
    {
        _attentionNorm = nn.LayerNorm(width);
        _feedForwardNorm = nn.LayerNorm(width);
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
        var h = tokens + Attention.forward(_attentionNorm.forward(tokens));
        return h + FeedForward.forward(_feedForwardNorm.forward(h));
    }
}
