using LogicNets.Continuous.Torch;
using TorchSharp;
using static LogicNets.Continuous.Torch.TensorSpans;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Moie;

/// <summary>
/// <see cref="RotaryAttentionKernel"/> as one libtorch autograd node: queries, keys, values [batch, tokens, width] in
/// (before rotary positions), the attention's output out. CPU float32 only; the same function as
/// <see cref="DynSihaAttention"/>'s libtorch operations, summed in another order.
/// </summary>
public sealed class RotaryAttentionFunction : autograd.MultiTensorFunction<RotaryAttentionFunction>
{
    public override string Name => "FusedRotaryAttention";

    /// <summary>softmax(rot(Q)·rot(K)ᵀ/√d)·V.</summary>
    public static Tensor Apply(Tensor queries, Tensor keys, Tensor values)
    {
        foreach (var t in new[] { queries, keys, values })
            if (!IsCpuFloat32(t) || t.dim() != 3)
                throw new ArgumentException($"the fused attention runs on CPU float32 [batch, tokens, width] tensors, got {t.device_type} {t.dtype} of {t.dim()} dimensions");
        if (queries.shape[^1] % 2 != 0) throw new ArgumentException($"rotary positions need an even feature width, got {queries.shape[^1]}");
        bool backwardFollows = FusedNodes.BackwardFollows(queries, keys, values);
        return apply(queries.contiguous(), keys.contiguous(), values.contiguous(), backwardFollows)[0];
    }

    public override List<Tensor> forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var (queries, keys, values, backwardFollows) = ((Tensor)vars[0], (Tensor)vars[1], (Tensor)vars[2], (bool)vars[3]);
        var shape = new RotaryAttentionKernel.Shape(checked((int)queries.shape[0]), checked((int)queries.shape[1]), checked((int)queries.shape[2]));
        using var noGrad = no_grad();
        var output = empty(queries.shape, dtype: ScalarType.Float32, device: queries.device);
        var saved = Run(shape, queries, keys, values, Floats(output));
        if (!backwardFollows)
        {
            saved.Release();
            return [output];
        }
        ctx.save_for_backward([queries, keys, values]);
        ctx.save_data("saved", saved);
        ctx.save_data("shape", shape);
        return [output];
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, List<Tensor> gradients)
    {
        var inputs = ctx.get_saved_variables();
        var (queries, keys, values) = (inputs[0], inputs[1], inputs[2]);
        var saved = (PooledSegments)ctx.get_data("saved");
        var shape = (RotaryAttentionKernel.Shape)ctx.get_data("shape");
        // A second backward pass (retain_graph): the first gave back what the forward pass kept, so run it again.
        if (saved.Released) saved = Run(shape, queries, keys, values, new float[values.numel()]);
        var gradOutput = gradients[0].contiguous();
        Tensor Features() => empty(values.shape, dtype: ScalarType.Float32, device: values.device);
        var (gradQueries, gradKeys, gradValues) = (Features(), Features(), Features());
        RotaryAttentionKernel.Backward(shape, saved[0], saved[1], Floats(values), saved[2], saved[3], saved[4], Floats(gradOutput),
            Floats(gradQueries), Floats(gradKeys), Floats(gradValues));
        saved.Release();
        return [gradQueries, gradKeys, gradValues, null!];
    }

    /// <summary>
    /// The forward pass into <paramref name="output"/>; returns what the backward pass reads: the rotated queries and
    /// keys, the attention weights and the rotary tables.
    /// </summary>
    private static PooledSegments Run(RotaryAttentionKernel.Shape shape, Tensor queries, Tensor keys, Tensor values, Span<float> output)
    {
        int features = shape.Batch * shape.Tokens * shape.Width, table = shape.Tokens * shape.Width;
        var saved = new PooledSegments(nameof(RotaryAttentionFunction), features, features, shape.Batch * shape.Tokens * shape.Tokens, table, table);
        RotaryAttentionKernel.Tables(shape, saved[3], saved[4]);
        RotaryAttentionKernel.Forward(shape, Floats(queries), Floats(keys), Floats(values), saved[3], saved[4], saved[0], saved[1], saved[2], output);
        return saved;
    }
}
