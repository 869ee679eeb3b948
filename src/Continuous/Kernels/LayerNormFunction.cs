using LogicNets.Continuous.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static LogicNets.Continuous.Torch.TensorSpans;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Kernels;

/// <summary>
/// <see cref="LayerNormKernel"/> as one libtorch autograd node over the last dimension: input [..., width], scale γ and
/// shift β [width] in, the normalised input out. CPU float32 only; <see cref="Apply(LayerNorm, Tensor, bool)"/> runs a
/// module's own parameters through it, so saved models and their parameter names stay as they are.
/// </summary>
public sealed class LayerNormFunction : autograd.MultiTensorFunction<LayerNormFunction>
{
    public override string Name => "FusedLayerNorm";

    /// <summary>The module's forward pass, through the kernel when <paramref name="fused"/> and the input is CPU float32.</summary>
    public static Tensor Apply(LayerNorm norm, Tensor input, bool fused) =>
        fused && IsCpuFloat32(input) && norm.normalized_shape.Length == 1
            && norm.weight is { } scale && norm.bias is { } shift
            ? Apply(input, scale, shift, norm.eps)
            : norm.forward(input);

    /// <summary>(x − mean) / √(var + ε)·γ + β over the last dimension.</summary>
    public static Tensor Apply(Tensor input, Tensor scale, Tensor shift, double epsilon)
    {
        bool backwardFollows = FusedNodes.BackwardFollows(input, scale, shift);
        return apply(input.contiguous(), scale.contiguous(), shift.contiguous(), epsilon, backwardFollows)[0];
    }

    public override List<Tensor> forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var (input, scale, shift, epsilon, backwardFollows) = ((Tensor)vars[0], (Tensor)vars[1], (Tensor)vars[2], (double)vars[3], (bool)vars[4]);
        using var noGrad = no_grad();
        var output = empty(input.shape, dtype: ScalarType.Float32, device: input.device);
        var saved = Run(input, scale, shift, epsilon, Floats(output));
        if (!backwardFollows)
        {
            saved.Release();
            return [output];
        }
        ctx.save_for_backward([input, scale, shift]);
        ctx.save_data("saved", saved);
        ctx.save_data("epsilon", epsilon);
        return [output];
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, List<Tensor> gradients)
    {
        var inputs = ctx.get_saved_variables();
        var (input, scale, shift) = (inputs[0], inputs[1], inputs[2]);
        var saved = (PooledSegments)ctx.get_data("saved");
        // A second backward pass (retain_graph): the first gave back what the forward pass kept, so run it again.
        if (saved.Released) saved = Run(input, scale, shift, (double)ctx.get_data("epsilon"), new float[input.numel()]);
        var gradOutput = gradients[0].contiguous();
        var gradInput = empty(gradOutput.shape, dtype: ScalarType.Float32, device: gradOutput.device);
        var gradScale = empty(scale.shape, dtype: ScalarType.Float32, device: scale.device);
        var gradShift = empty(scale.shape, dtype: ScalarType.Float32, device: scale.device);
        LayerNormKernel.Backward(checked((int)scale.numel()), Floats(gradOutput), Floats(scale), saved[0], saved[1],
            Floats(gradInput), Floats(gradScale), Floats(gradShift));
        saved.Release();
        return [gradInput, gradScale, gradShift, null!, null!];
    }

    /// <summary>The forward pass into <paramref name="output"/>; returns x̂ and 1/√(var + ε), kept for the backward pass.</summary>
    private static PooledSegments Run(Tensor input, Tensor scale, Tensor shift, double epsilon, Span<float> output)
    {
        int width = checked((int)input.shape[^1]), rows = checked((int)(input.numel() / width));
        var saved = new PooledSegments(nameof(LayerNormFunction), rows * width, rows);
        LayerNormKernel.Forward(width, Floats(input), Floats(scale), Floats(shift), (float)epsilon, output, saved[0], saved[1]);
        return saved;
    }
}
