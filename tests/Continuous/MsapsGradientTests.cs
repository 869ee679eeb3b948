using LogicNets.Continuous.Spl;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Tests.Continuous;

/// <summary>
/// M-SAPS differentiates its prototype and gate losses in closed form; these tests rebuild both losses as the design
/// writes them and let autograd differentiate them, on random layers in every cost and sign variant.
/// </summary>
public class MsapsGradientTests
{
    [Theory]
    [InlineData(false, PrototypeLossSign.PullGoodPushBad, 1)]
    [InlineData(true, PrototypeLossSign.PullGoodPushBad, 2)]
    [InlineData(false, PrototypeLossSign.PushGoodPullBad, 3)]
    [InlineData(true, PrototypeLossSign.PushGoodPullBad, 4)]
    public void ClosedFormMetaGradientsEqualAutograd(bool absoluteCost, PrototypeLossSign sign, int seed)
    {
        using var scope = NewDisposeScope();
        torch.random.manual_seed(seed);
        var options = new SplOptions { AbsoluteCost = absoluteCost, PrototypeSign = sign };
        const int inputs = 5, experts = 7, rows = 40;
        var layer = new SparseProtoLinear(inputs, experts, options);
        using (no_grad()) layer.Gate.copy_(randn(experts, inputs) * 0.1);
        layer.train();
        var x = randn(rows, inputs);
        layer.forward(x);
        Assert.InRange(layer.LastMask!.mean().item<float>(), 0.05, 0.95); // some experts fire, some not: both sets matter
        using (no_grad()) layer.Computation.weight!.grad = randn(experts, inputs);

        var (prototypeExpected, gateExpected) = Reference(layer, x, options);
        new Msaps([layer], options).AddMetaGradients(batchAccuracy: 0.5);

        AssertClose(prototypeExpected, layer.Prototype.grad!);
        AssertClose(gateExpected, layer.Gate.grad!);
    }

    /// <summary>The meta gradients by autograd of the losses as written in the design.</summary>
    private static (Tensor Prototype, Tensor Gate) Reference(SparseProtoLinear layer, Tensor x, SplOptions options)
    {
        var mask = layer.LastMask!;
        var surprise = layer.Computation.weight!.grad!.square().sum([1]).sqrt();
        double rate = Math.Clamp(mask.mean().item<float>(), 1e-6, 0.5);
        var sorted = surprise.data<float>().Select(value => (double)value).Order().ToArray();
        var good = surprise.le(Quantile(sorted, rate)).to_type(ScalarType.Float32);
        var bad = surprise.ge(Quantile(sorted, 1 - rate)).to_type(ScalarType.Float32);
        var activated = mask.sum([0]).gt(0).to_type(ScalarType.Float32);
        var anchors = nn.functional.normalize(mask.t().matmul(x), dim: -1);

        var prototype = layer.Prototype.detach().clone().requires_grad_(true);
        var alignment = (nn.functional.normalize(prototype, dim: -1) * anchors).sum([1]);
        var (goodTerm, badTerm) = options.PrototypeSign == PrototypeLossSign.PullGoodPushBad
            ? (1 - alignment, 1 + alignment)
            : (1 + alignment, 1 - alignment);
        var prototypeLoss = (Drln.Apply(surprise) * activated * (good * goodTerm + bad * badTerm)).sum() / layer.OutputWidth;
        var prototypeGradient = torch.autograd.grad([prototypeLoss], [prototype])[0];

        var perceptual = prototypeGradient.square().sum([1]).sqrt();
        var target = (Drln.Apply(surprise) + Drln.Apply(perceptual)) * options.GateTargetScale;
        var gate = layer.Gate.detach().clone().requires_grad_(true);
        var cost = x.matmul(gate.t());
        if (options.AbsoluteCost) cost = cost.abs();
        var gateLoss = nn.functional.mse_loss(cost.mean([0]), target);
        var gateGradient = torch.autograd.grad([gateLoss], [gate])[0];
        return (prototypeGradient, gateGradient);
    }

    /// <summary>Linear-interpolation quantile of sorted values (numpy's default).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        Assert.True(expected.abs().sum().item<float>() > 1e-4, "the reference gradient is zero: the case tests nothing");
        float error = (expected - actual).abs().max().item<float>();
        float scale = expected.abs().max().item<float>();
        Assert.True(error <= 1e-5f * Math.Max(1f, scale), $"largest difference {error} (largest entry {scale})");
    }
}
