using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Spl;

/// <summary>
/// <see cref="FusedSplKernel"/> as one libtorch autograd node: inputs x [rows, in], gate g, unit prototype p̂ and
/// computation rows μ [experts, in], bias b [experts]; outputs y [rows, experts] and the firing floor's smooth rate
/// [experts], both differentiable. The hard mask and signed cost of the batch come back through <see cref="Batch"/>
/// (for the layer statistics and M-SAPS), not as outputs. CPU float32 only.
/// </summary>
public sealed class FusedSplFunction : autograd.MultiTensorFunction<FusedSplFunction>
{
    public override string Name => "FusedSparseProtoLinear";

    /// <summary>What the forward pass also hands back: the 0/1 mask and x·g, [rows, experts], without gradient.</summary>
    public sealed class Batch
    {
        public Tensor? Mask { get; internal set; }

        public Tensor? SignedCost { get; internal set; }
    }

    /// <summary>Runs the node; <paramref name="batch"/> receives the mask and signed cost.</summary>
    public static (Tensor Output, Tensor Rate) Apply(Tensor x, Tensor gate, Tensor direction, Tensor weight, Tensor bias,
        SplOptions options, Batch batch)
    {
        foreach (var t in new[] { x, gate, direction, weight, bias })
            if (t.device_type != DeviceType.CPU || t.dtype != ScalarType.Float32)
                throw new ArgumentException($"the fused SPL kernel runs on CPU float32 tensors, got {t.device_type} {t.dtype}");
        var outputs = apply(x.contiguous(), gate, direction, weight, bias, options, batch);
        return (outputs[0], outputs[1]);
    }

    public override List<Tensor> forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var (x, gate, direction, weight, bias) = ((Tensor)vars[0], (Tensor)vars[1], (Tensor)vars[2], (Tensor)vars[3], (Tensor)vars[4]);
        var (options, batch) = ((SplOptions)vars[5], (Batch)vars[6]);
        var shape = new FusedSplKernel.Shape(checked((int)x.shape[0]), checked((int)x.shape[1]), checked((int)gate.shape[0]),
            options.AbsoluteCost, options.MaskGradient == MaskGradient.Every, (float)options.BalanceTemperature,
            RoutingGradients: gate.requires_grad || direction.requires_grad);
        long rows = shape.Rows, experts = shape.Experts;
        using var noGrad = no_grad();
        Tensor Rows() => empty(rows, experts, dtype: ScalarType.Float32, device: x.device);
        var (y, signedCost, drive, linear, match, sigmoid) = (Rows(), Rows(), Rows(), Rows(), Rows(), Rows());
        var invNorm = empty(rows, dtype: ScalarType.Float32, device: x.device);
        var radial = empty(rows, dtype: ScalarType.Float32, device: x.device);
        var rate = empty(experts, dtype: ScalarType.Float32, device: x.device);
        FusedSplKernel.Forward(shape, Floats(x), Floats(gate.t().contiguous()), Floats(direction.t().contiguous()),
            Floats(weight.t().contiguous()), Floats(bias.contiguous()), Floats(y), Floats(signedCost), Floats(drive),
            Floats(linear), Floats(match), Floats(sigmoid), Floats(invNorm), Floats(radial), Floats(rate));
        batch.Mask = drive.clamp(0, 1).ceil();
        batch.SignedCost = signedCost;
        ctx.save_for_backward([x, gate.contiguous(), direction.contiguous(), weight.contiguous(), signedCost, drive, linear, match, sigmoid, invNorm, radial]);
        ctx.save_data("shape", shape);
        return [y, rate];
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, List<Tensor> gradients)
    {
        var saved = ctx.get_saved_variables();
        var shape = (FusedSplKernel.Shape)ctx.get_data("shape");
        var (x, gate, direction, weight) = (saved[0], saved[1], saved[2], saved[3]);
        var gradY = gradients[0] is { } g && g.Handle != IntPtr.Zero ? g.contiguous() : zeros(shape.Rows, shape.Experts, device: x.device);
        var gradRate = gradients.Count > 1 && gradients[1] is { } r && r.Handle != IntPtr.Zero ? r.contiguous() : null;
        var gradX = empty(x.shape, dtype: ScalarType.Float32, device: x.device);
        var gradGateT = empty(shape.Inputs, shape.Experts, dtype: ScalarType.Float32, device: x.device);
        var gradDirectionT = empty(shape.Inputs, shape.Experts, dtype: ScalarType.Float32, device: x.device);
        var gradWeightT = empty(shape.Inputs, shape.Experts, dtype: ScalarType.Float32, device: x.device);
        var gradBias = empty(shape.Experts, dtype: ScalarType.Float32, device: x.device);
        FusedSplKernel.Backward(shape, Floats(x), Floats(gate), Floats(direction), Floats(weight), Floats(gradY),
            gradRate is null ? ReadOnlySpan<float>.Empty : Floats(gradRate), Floats(saved[4]), Floats(saved[5]), Floats(saved[6]),
            Floats(saved[7]), Floats(saved[8]), Floats(saved[9]), Floats(saved[10]), Floats(gradX), Floats(gradGateT), Floats(gradDirectionT),
            Floats(gradWeightT), Floats(gradBias));
        // Frozen routing (moie's default, block 0): no gradient for the gate and prototype, none computed.
        return shape.RoutingGradients
            ? [gradX, gradGateT.t(), gradDirectionT.t(), gradWeightT.t(), gradBias, null!, null!]
            : [gradX, null!, null!, gradWeightT.t(), gradBias, null!, null!];
    }

    /// <summary>The storage of a contiguous CPU float tensor, in place.</summary>
    private static Span<float> Floats(Tensor t) => MemoryMarshal.Cast<byte, float>(t.bytes);
}
