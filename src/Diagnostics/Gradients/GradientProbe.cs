using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Diagnostics.Gradients;

/// <summary>
/// A pass-through autograd function that records the RMS of the gradient flowing back through it. TorchSharp has no
/// backward hooks, so this is how an activation gradient is observed without changing it.
/// </summary>
public static class GradientProbe
{
    /// <summary>Where the probes write: one slot per probed point.</summary>
    public sealed class Recorder(int slots)
    {
        public double[] Rms { get; } = Enumerable.Repeat(double.NaN, slots).ToArray();
    }

    /// <summary>Root mean square of a tensor, in float64.</summary>
    public static double Rms(Tensor values)
    {
        using var scope = NewDisposeScope();
        return values.detach().to_type(ScalarType.Float64).square().mean().sqrt().item<double>();
    }

    public static Tensor Attach(Tensor input, Recorder recorder, int slot) =>
        input.requires_grad ? ProbeFunction.apply(input, recorder, slot) : input;

    private sealed class ProbeFunction : autograd.SingleTensorFunction<ProbeFunction>
    {
        public override string Name => "GradientProbe";

        public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
        {
            ctx.save_data("recorder", vars[1]);
            ctx.save_data("slot", vars[2]);
            return ((Tensor)vars[0]).alias();
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor gradOutput)
        {
            var recorder = (Recorder)ctx.get_data("recorder");
            int slot = (int)ctx.get_data("slot");
            recorder.Rms[slot] = Rms(gradOutput);
            return [gradOutput, null!, null!];
        }
    }
}
