using LogicNets.Continuous.Spl;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Tests.Continuous;

public class FusedSplKernelTests
{
    /// <summary>One forward and backward pass of a layer built from seed 5, with residual and loss as a network gives them.</summary>
    private static (Tensor Output, float? Floor, Tensor Mask, Tensor SignedCost, Tensor[] Gradients, ExpertTotals? Totals) Pass(SplOptions options, int inputs,
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
        return (output.detach(), layer.FiringFloorLoss?.item<float>(), layer.LastMask!, layer.LastSignedCost!, [.. gradients], layer.LastTotals);
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
        // The statistics' totals, summed by the kernel, against the reference's mask and cost.
        Assert.Null(reference.Totals);
        Assert.Equal(reference.Mask.sum([0], type: ScalarType.Float64).data<double>().ToArray(), fused.Totals!.Firing);
        var cost = (absoluteCost ? reference.SignedCost.abs() : reference.SignedCost).sum([0], type: ScalarType.Float64);
        Assert.True(tensor(fused.Totals.Cost).allclose(cost, rtol: 1e-4, atol: 1e-4), "other cost totals");
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

    [Fact]
    public void ASecondBackwardPassThroughARetainedGraphGivesTheSameGradients()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        var layer = new SparseProtoLinear(8, 8, new SplOptions { Kernel = SplKernel.Fused, MaskGradient = MaskGradient.Every, Balance = 1 });
        var input = randn(40, 8).requires_grad_(true);
        var loss = (layer.forward(input) * randn(40, 8)).sum() + layer.FiringFloorLoss!;
        loss.backward(retain_graph: true);
        var first = new[] { input.grad!.clone(), layer.Computation.weight!.grad!.clone(), layer.Prototype.grad!.clone() };
        foreach (var leaf in new[] { input, layer.Computation.weight!, layer.Prototype }) leaf.grad!.zero_();
        loss.backward();
        Assert.True(input.grad!.equal(first[0]).all().item<bool>(), "another input gradient");
        Assert.True(layer.Computation.weight!.grad!.equal(first[1]).all().item<bool>(), "another weight gradient");
        Assert.True(layer.Prototype.grad!.equal(first[2]).all().item<bool>(), "another prototype gradient");
    }

    [Fact]
    public void TokensInAnyLeadingShapeRunAsRows()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var layer = new SparseProtoLinear(8, 16, new SplOptions { Kernel = SplKernel.Fused, MaskGradient = MaskGradient.Every, Balance = 1 });
        var tokens = randn(3, 7, 8);
        var weights = randn(3, 7, 16);
        (Tensor Output, Tensor InputGradient, Tensor WeightGradient, Tensor LastInput, Tensor LastMask) Run(Tensor input, Tensor outputWeights)
        {
            input = input.clone().requires_grad_(true);
            layer.Computation.weight!.grad?.zero_();
            var output = layer.forward(input);
            ((output * outputWeights).sum() + layer.FiringFloorLoss!).backward();
            return (output.detach(), input.grad!, layer.Computation.weight!.grad!.clone(), layer.LastInput!.clone(), layer.LastMask!.clone());
        }
        var asTokens = Run(tokens, weights);
        var asRows = Run(tokens.reshape(21, 8), weights.reshape(21, 16));
        Assert.Equal([3L, 7, 16], asTokens.Output.shape);
        Assert.Equal([21L, 8], asTokens.LastInput.shape);
        Assert.Equal([21L, 16], asTokens.LastMask.shape);
        Assert.True(asTokens.Output.reshape(21, 16).equal(asRows.Output).all().item<bool>(), "another output");
        Assert.True(asTokens.InputGradient.reshape(21, 8).equal(asRows.InputGradient).all().item<bool>(), "another input gradient");
        Assert.True(asTokens.WeightGradient.equal(asRows.WeightGradient).all().item<bool>(), "another weight gradient");
        Assert.True(asTokens.LastMask.equal(asRows.LastMask).all().item<bool>(), "another mask");
    }
}
