using LogicNets.Continuous.Spl;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Tests.Continuous;

public class FusedSplKernelTests
{
    /// <summary>One forward and backward pass of a layer built from seed 5, with residual and loss as a network gives them.</summary>
    private static (Tensor Output, float? Floor, Tensor Mask, Tensor SignedCost, Tensor[] Gradients) Pass(SplOptions options, int inputs,
        int experts, bool learnedRouting, bool withResidual)
    {
        manual_seed(5);
        var layer = new SparseProtoLinear(inputs, experts, options);
        using (no_grad())
        {
            layer.Gate.normal_(0, 0.3); // non-zero gates, so the cost matters
            layer.Prototype.normal_();
        }
        layer.Prototype.requires_grad = learnedRouting;
        layer.Gate.requires_grad = learnedRouting;
        // Inputs as moie's tokens and spl's bits give them: real rows, 0/1 rows, and one all-zero row (the norm floor).
        var input = cat([randn(30, inputs), randint(0, 2, [20, inputs]).to_type(ScalarType.Float32), zeros(1, inputs)]).requires_grad_(true);
        var residualSource = randn(experts, inputs).requires_grad_(true);
        if (withResidual) layer.UsePrototypeResidual(residualSource * 0.5);
        var output = layer.forward(input);
        var loss = (output * randn(output.shape)).sum();
        if (layer.FiringFloorLoss is { } floor) loss = loss + floor * 10;
        loss.backward();
        var gradients = new List<Tensor> { input.grad!, layer.Computation.weight!.grad!, layer.Computation.bias!.grad! };
        if (learnedRouting) gradients.AddRange([layer.Prototype.grad!, layer.Gate.grad!]);
        if (withResidual) gradients.Add(residualSource.grad!);
        return (output.detach(), layer.FiringFloorLoss?.item<float>(), layer.LastMask!, layer.LastSignedCost!, [.. gradients]);
    }

    public static TheoryData<MaskGradient, bool, double, bool, bool, int, int> Cases => new()
    {
        // moie's defaults: every-row mask gradient, firing floor, frozen routing, PRC residual; widths that fill vectors.
        { MaskGradient.Every, false, 1, false, true, 8, 16 },
        // spl's: firing rows only, no floor, learned routing; widths with a scalar tail.
        { MaskGradient.Firing, false, 0, true, false, 6, 11 },
        { MaskGradient.Every, true, 1, true, true, 9, 13 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheFusedKernelComputesWhatLibtorchComputes(MaskGradient maskGradient, bool absoluteCost, double balance,
        bool learnedRouting, bool withResidual, int inputs, int experts)
    {
        using var scope = NewDisposeScope();
        var options = new SplOptions { MaskGradient = maskGradient, AbsoluteCost = absoluteCost, Balance = balance };
        var reference = Pass(options, inputs, experts, learnedRouting, withResidual);
        var fused = Pass(options with { Kernel = SplKernel.Fused }, inputs, experts, learnedRouting, withResidual);

        float firing = reference.Mask.mean().item<float>();
        Assert.InRange(firing, 0.1, 0.9); // both kinds of rows are exercised
        Assert.True(fused.Mask.eq(reference.Mask).all().item<bool>(), "another mask");
        Assert.True(fused.Output.allclose(reference.Output, rtol: 1e-4, atol: 1e-5), "another output");
        Assert.True(fused.SignedCost.allclose(reference.SignedCost, rtol: 1e-4, atol: 1e-5), "another cost");
        Assert.Equal(reference.Floor is null, fused.Floor is null);
        if (reference.Floor is { } floor) Assert.Equal(floor, fused.Floor!.Value, 4);
        Assert.Equal(reference.Gradients.Length, fused.Gradients.Length);
        for (int index = 0; index < reference.Gradients.Length; index++)
        {
            var (expected, actual) = (reference.Gradients[index], fused.Gradients[index]);
            Assert.True(expected.abs().max().item<float>() > 0, $"gradient {index} is zero in the reference: nothing compared");
            Assert.True(actual.allclose(expected, rtol: 1e-3, atol: 1e-4),
                $"gradient {index}: largest difference {(actual - expected).abs().max().item<float>()} of {expected.abs().max().item<float>()}");
        }
    }
}
