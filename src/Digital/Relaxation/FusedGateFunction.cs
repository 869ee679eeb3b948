using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Digital.Relaxation;

/// <summary>
/// <see cref="FusedGateKernel"/> as a libtorch autograd node, so the rest of a step (coefficients from the logits, the
/// loss, Adam) stays in libtorch while the layer's own forward and backward run in our SIMD loops.
/// Arguments: the layer input [inputs, batch] (neuron-major), coefficients [neurons, 4], wire A and wire B as int[].
/// CPU, float32 only.
/// </summary>
public sealed class FusedGateFunction : autograd.SingleTensorFunction<FusedGateFunction>
{
    public override string Name => "FusedGateLayer";

    /// <summary>The layer's output [neurons, batch] for input <paramref name="x"/> [inputs, batch].</summary>
    public static Tensor Apply(Tensor x, Tensor coefficients, int[] wireA, int[] wireB)
    {
        if (x.device_type != DeviceType.CPU || x.dtype != ScalarType.Float32 || coefficients.dtype != ScalarType.Float32)
            throw new ArgumentException($"the fused gate layer runs on CPU float32 tensors, got {x.device_type} {x.dtype}");
        return apply(x.contiguous(), coefficients.contiguous(), wireA, wireB);
    }

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var (x, coefficients, wireA, wireB) = ((Tensor)vars[0], (Tensor)vars[1], (int[])vars[2], (int[])vars[3]);
        int batch = checked((int)x.shape[1]);
        var output = empty(wireA.Length, batch, dtype: ScalarType.Float32);
        FusedGateKernel.Forward(Floats(x), batch, Floats(coefficients), wireA, wireB, Floats(output));
        ctx.save_for_backward([x, coefficients]);
        ctx.save_data("wires", (wireA, wireB, x.requires_grad));
        return output;
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor gradOutput)
    {
        var saved = ctx.get_saved_variables();
        var (x, coefficients) = (saved[0], saved[1]);
        var (wireA, wireB, inputNeedsGradient) = ((int[], int[], bool))ctx.get_data("wires");
        var g = gradOutput.contiguous();
        var coefficientGradient = empty(coefficients.shape, dtype: ScalarType.Float32);
        var inputGradient = inputNeedsGradient ? zeros(x.shape, dtype: ScalarType.Float32) : null;
        FusedGateKernel.Backward(Floats(x), checked((int)x.shape[1]), Floats(coefficients), wireA, wireB, Floats(g),
            Floats(coefficientGradient), inputGradient is null ? Span<float>.Empty : Floats(inputGradient));
        return [inputGradient!, coefficientGradient, null!, null!];
    }

    /// <summary>The storage of a contiguous CPU float tensor, in place.</summary>
    private static Span<float> Floats(Tensor t) => MemoryMarshal.Cast<byte, float>(t.bytes);
}
