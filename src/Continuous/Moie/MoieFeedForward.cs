using LogicNets.Continuous.Spl;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Moie;

/// <summary>
/// MoIE: a feed-forward block of two SPLs (width → expansion·width → width). Each SPL's expert masks are its only
/// non-linearity, so the block is a mixture of linear experts chosen per token by prototype match against gate cost.
/// </summary>
public sealed class MoieFeedForward : nn.Module<Tensor, Tensor>
{
    public const int Expansion = 2;

    public MoieFeedForward(int width, SplOptions options, string name) : base(name)
    {
        Up = new SparseProtoLinear(width, Expansion * width, options);
        Down = new SparseProtoLinear(Expansion * width, width, options);
        RegisterComponents();
    }

    public SparseProtoLinear Up { get; }

    public SparseProtoLinear Down { get; }

    public override Tensor forward(Tensor tokens) => TokenWise.Apply(Down, TokenWise.Apply(Up, tokens));
}
