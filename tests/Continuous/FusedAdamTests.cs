using LogicNets.Continuous.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LogicNets.Tests.Continuous;

public class FusedAdamTests
{
    /// <summary>Five steps of an optimiser on parameters of the given dtype and sizes (one with a scalar tail), from seed 9.</summary>
    private static Tensor[] FiveSteps(Func<IEnumerable<Parameter>, optim.Optimizer> create, ScalarType dtype, Action<Parameter[]>? beforeStep = null)
    {
        manual_seed(9);
        var parameters = new[] { new Parameter(randn(4, 8, dtype: dtype)), new Parameter(randn(13, dtype: dtype)) };
        using var optimizer = create(parameters);
        for (int step = 0; step < 5; step++)
        {
            optimizer.zero_grad();
            var loss = parameters.Select(p => (p * p * p).sum()).Aggregate((a, b) => a + b);
            loss.backward();
            beforeStep?.Invoke(parameters);
            optimizer.step();
        }
        return parameters.Select(p => p.detach().clone()).ToArray();
    }

    [Theory]
    [InlineData(ScalarType.Float32)] // the SIMD loop
    [InlineData(ScalarType.Float64)] // libtorch operations
    public void TheFusedStepIsAdamsStep(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var expected = FiveSteps(parameters => optim.Adam(parameters, 0.01), dtype);
        var actual = FiveSteps(parameters => new FusedAdam(parameters, 0.01), dtype);
        for (int index = 0; index < expected.Length; index++)
            Assert.True(actual[index].allclose(expected[index], rtol: 1e-5, atol: 1e-6),
                $"parameter {index}: largest difference {(actual[index] - expected[index]).abs().max().to_type(ScalarType.Float64).item<double>()}");
        Assert.False(actual[0].allclose(FiveSteps(parameters => optim.Adam(parameters, 0.001), dtype)[0]), "the learning rate changed nothing");
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void ItClipsAsClipGradNormThenAdam(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        // Gradients 3p² of norm ≈ 15–20 here, so 0.5 clips every step.
        var expected = FiveSteps(parameters => optim.Adam(parameters, 0.01), dtype, parameters => nn.utils.clip_grad_norm_(parameters, 0.5));
        var actual = FiveSteps(parameters => new FusedAdam(parameters, 0.01, maxGradientNorm: 0.5), dtype);
        for (int index = 0; index < expected.Length; index++)
            Assert.True(actual[index].allclose(expected[index], rtol: 1e-5, atol: 1e-6),
                $"parameter {index}: largest difference {(actual[index] - expected[index]).abs().max().to_type(ScalarType.Float64).item<double>()}");
        Assert.False(actual[1].allclose(FiveSteps(parameters => optim.Adam(parameters, 0.01), dtype)[1], rtol: 1e-5, atol: 1e-6), "clipping changed nothing");
    }
}
