using LogicNets.Continuous.Spl;
using LogicNets.Continuous.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Moie;

/// <summary>
/// DynSIHA: single-head attention, one head as wide as the model, whose Q, K, V and output projections are SPLs —
/// which experts of a projection fire depends on the token, so the attention pattern is routed per token.
/// Rotary positions on Q and K; scores QKᵀ/√d, softmax over keys.
/// </summary>
public sealed class DynSihaAttention : nn.Module<Tensor, Tensor>
{
    private readonly bool _fused;

    public DynSihaAttention(int width, SplOptions options, string name) : base(name)
    {
        _fused = options.Kernel == SplKernel.Fused;
        Query = new SparseProtoLinear(width, width, options);
        Key = new SparseProtoLinear(width, width, options);
        Value = new SparseProtoLinear(width, width, options);
        Output = new SparseProtoLinear(width, width, options);
        RegisterComponents();
    }

    public SparseProtoLinear Query { get; }

    public SparseProtoLinear Key { get; }

    public SparseProtoLinear Value { get; }

    public SparseProtoLinear Output { get; }

    /// <summary>[batch, tokens, width] → [batch, tokens, width].</summary>
    public override Tensor forward(Tensor tokens)
    {
        long width = tokens.shape[^1];
        var q = TokenWise.Apply(Query, tokens);
        var k = TokenWise.Apply(Key, tokens);
        var v = TokenWise.Apply(Value, tokens);
        if (_fused && TensorSpans.IsCpuFloat32(tokens))
            return TokenWise.Apply(Output, RotaryAttentionFunction.Apply(q, k, v));
        (q, k) = (RotaryPositions.Apply(q), RotaryPositions.Apply(k));
        var weights = nn.functional.softmax(q.matmul(k.transpose(1, 2)) / Math.Sqrt(width), -1);
        return TokenWise.Apply(Output, weights.matmul(v));
    }
}
