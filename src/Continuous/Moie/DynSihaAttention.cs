using LogicNets.Continuous.Spl;
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
    public DynSihaAttention(int width, SplOptions options, string name) : base(name)
    {
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
        long batch = tokens.shape[0], count = tokens.shape[1], width = tokens.shape[^1];
        // Q, K and V read the same tokens: one side-by-side pass computes all three, and one rotation turns Q and K.
        var qkv = SparseProtoLinear.ForwardSharedInput([Query, Key, Value], tokens.reshape(-1, width)).reshape(batch, count, 3, width);
        var parts = qkv.split([2, 1], 2);
        var qk = RotaryPositions.Apply(parts[0]).unbind(2);
        var weights = nn.functional.softmax(qk[0].matmul(qk[1].transpose(1, 2)) / Math.Sqrt(width), -1);
        return TokenWise.Apply(Output, weights.matmul(parts[1].squeeze(2)));
    }
}
