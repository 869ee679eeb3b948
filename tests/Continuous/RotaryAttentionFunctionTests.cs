using LogicNets.Continuous.Moie;
using LogicNets.Continuous.Spl;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Tests.Continuous;

public class RotaryAttentionFunctionTests
{
    /// <summary>The libtorch operations DynSihaAttention runs between its projections.</summary>
    private static Tensor Reference(Tensor q, Tensor k, Tensor v) =>
        nn.functional.softmax(RotaryPositions.Apply(q).matmul(RotaryPositions.Apply(k).transpose(1, 2)) / Math.Sqrt(q.shape[^1]), -1).matmul(v);

    [Theory]
    [InlineData(4, 16, 8)] // moie's matched size on add:8: vectors filled
    [InlineData(3, 6, 10)] // tokens and features past a whole vector
    [InlineData(2, 9, 2)]
    public void TheFusedAttentionComputesWhatLibtorchComputes(int batch, int tokens, int width)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        Tensor Leaf() => (randn(batch, tokens, width) * 2).requires_grad_(true);
        var (q, k, v) = (Leaf(), Leaf(), Leaf());
        var upstream = randn(batch, tokens, width);
        var expected = Reference(q, k, v);
        (expected * upstream).sum().backward();
        var expectedGradients = new[] { q.grad!.clone(), k.grad!.clone(), v.grad!.clone() };
        foreach (var leaf in new[] { q, k, v }) leaf.grad!.zero_();

        var actual = RotaryAttentionFunction.Apply(q, k, v);
        (actual * upstream).sum().backward();

        Assert.True(actual.allclose(expected, rtol: 1e-4, atol: 1e-5), $"another output: largest difference {(actual - expected).abs().max().item<float>()}");
        var actualGradients = new[] { q.grad!, k.grad!, v.grad! };
        for (int index = 0; index < 3; index++)
        {
            var (e, a) = (expectedGradients[index], actualGradients[index]);
            Assert.True(e.abs().max().item<float>() > 0, $"gradient {index} is zero in the reference: nothing compared");
            Assert.True(a.allclose(e, rtol: 1e-3, atol: 1e-4), $"gradient {index}: largest difference {(a - e).abs().max().item<float>()} of {e.abs().max().item<float>()}");
        }
    }

    [Fact]
    public void UnderNoGradTheFusedAttentionKeepsNothingAndGivesTheSameOutput()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var (q, k, v) = (randn(2, 5, 6), randn(2, 5, 6), randn(2, 5, 6));
        using var noGrad = no_grad();
        Assert.True(RotaryAttentionFunction.Apply(q, k, v).allclose(Reference(q, k, v), rtol: 1e-4, atol: 1e-5));
        Assert.Equal([0L, 5, 6], RotaryAttentionFunction.Apply(q.narrow(0, 0, 0), k.narrow(0, 0, 0), v.narrow(0, 0, 0)).shape); // an empty batch
    }

    [Fact]
    public void ASecondBackwardPassThroughARetainedGraphGivesTheSameGradients()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        Tensor Leaf() => randn(2, 6, 8).requires_grad_(true);
        var (q, k, v) = (Leaf(), Leaf(), Leaf());
        var loss = (RotaryAttentionFunction.Apply(q, k, v) * randn(2, 6, 8)).sum();
        loss.backward(retain_graph: true);
        var first = new[] { q.grad!.clone(), k.grad!.clone(), v.grad!.clone() };
        foreach (var leaf in new[] { q, k, v }) leaf.grad!.zero_();
        loss.backward();
        Assert.True(q.grad!.equal(first[0]).all().item<bool>() && k.grad!.equal(first[1]).all().item<bool>() && v.grad!.equal(first[2]).all().item<bool>());
    }

    [Fact]
    public void AMoieNetworkOnTheFusedKernelsLearnsWhatTheLibtorchOneLearns()
    {
        using var scope = NewDisposeScope();
        // One forward and backward pass of a two-block network from the same seed: output and every parameter's gradient.
        (Tensor Output, Dictionary<string, Tensor> Gradients) Pass(SplKernel kernel)
        {
            manual_seed(7);
            using var network = new MoieNetwork(6, 8, 2, 3, new MoieOptions { Kernel = kernel });
            network.train();
            var input = randint(0, 2, [32, 6]).to_type(ScalarType.Float32);
            var output = network.forward(input);
            var loss = nn.functional.binary_cross_entropy_with_logits(output, randint(0, 2, [32, 3]).to_type(ScalarType.Float32));
            foreach (var (_, layer) in network.SparseLayers)
                if (layer.FiringFloorLoss is { } floor) loss = loss + floor;
            loss.backward();
            var gradients = network.named_parameters().Where(p => p.parameter.grad is not null)
                .ToDictionary(p => p.name, p => p.parameter.grad!.clone().DetachFromDisposeScope());
            return (output.detach().DetachFromDisposeScope(), gradients);
        }
        var reference = Pass(SplKernel.Libtorch);
        var fused = Pass(SplKernel.Fused);
        Assert.True(fused.Output.allclose(reference.Output, rtol: 1e-4, atol: 1e-5), "another output");
        Assert.Equal(reference.Gradients.Keys.Order(), fused.Gradients.Keys.Order());
        Assert.Contains(reference.Gradients.Keys, name => name.Contains("_streams.")); // the PRC streams learn through the kernels
        foreach (var (name, expected) in reference.Gradients)
        {
            var actual = fused.Gradients[name];
            Assert.True(actual.allclose(expected, rtol: 1e-3, atol: 1e-5),
                $"{name}: largest difference {(actual - expected).abs().max().item<float>()} of {expected.abs().max().item<float>()}");
        }
    }
}
