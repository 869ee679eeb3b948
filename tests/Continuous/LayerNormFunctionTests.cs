using LogicNets.Continuous.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Tests.Continuous;

public class LayerNormFunctionTests
{
    [Theory]
    [InlineData(new long[] { 4, 16, 8 })] // moie's tokens
    [InlineData(new long[] { 3, 5, 16 })] // two vectors a row (the PRC stream of moie's down projections)
    [InlineData(new long[] { 7, 3 })]
    [InlineData(new long[] { 2, 3, 13 })]
    public void TheFusedLayerNormComputesWhatLibtorchComputes(long[] shape)
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        long width = shape[^1];
        var input = (randn(shape) * 3 + 1).requires_grad_(true);
        var scale = (randn(width) + 1).requires_grad_(true);
        var shift = randn(width).requires_grad_(true);
        var upstream = randn(shape);
        var expected = nn.functional.layer_norm(input, [width], scale, shift, 1e-5);
        (expected * upstream).sum().backward();
        var expectedGradients = new[] { input.grad!.clone(), scale.grad!.clone(), shift.grad!.clone() };
        foreach (var leaf in new[] { input, scale, shift }) leaf.grad!.zero_();

        var actual = LayerNormFunction.Apply(input, scale, shift, 1e-5);
        (actual * upstream).sum().backward();

        Assert.True(actual.allclose(expected, rtol: 1e-4, atol: 1e-5), $"another output: largest difference {(actual - expected).abs().max().item<float>()}");
        var actualGradients = new[] { input.grad!, scale.grad!, shift.grad! };
        for (int index = 0; index < 3; index++)
        {
            var (e, a) = (expectedGradients[index], actualGradients[index]);
            Assert.True(a.allclose(e, rtol: 1e-3, atol: 1e-4), $"gradient {index}: largest difference {(a - e).abs().max().item<float>()} of {e.abs().max().item<float>()}");
        }
    }

    [Fact]
    public void ASecondBackwardPassThroughARetainedGraphGivesTheSameGradients()
    {
        using var scope = NewDisposeScope();
        manual_seed(13);
        var input = randn(4, 6).requires_grad_(true);
        var scale = randn(6).requires_grad_(true);
        var loss = (LayerNormFunction.Apply(input, scale, zeros(6), 1e-5) * randn(4, 6)).sum();
        loss.backward(retain_graph: true);
        var first = new[] { input.grad!.clone(), scale.grad!.clone() };
        input.grad!.zero_();
        scale.grad!.zero_();
        loss.backward();
        Assert.True(input.grad!.equal(first[0]).all().item<bool>() && scale.grad!.equal(first[1]).all().item<bool>());
    }

    [Fact]
    public void AModuleRunsThroughTheKernelOnlyWhenAskedAndGivesTheSameOutput()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        using var norm = nn.LayerNorm(6);
        var input = randn(5, 6);
        Assert.True(LayerNormFunction.Apply(norm, input, fused: true).allclose(norm.forward(input), rtol: 1e-4, atol: 1e-5));
        Assert.True(LayerNormFunction.Apply(norm, input, fused: false).equal(norm.forward(input)).all().item<bool>());
    }
}
