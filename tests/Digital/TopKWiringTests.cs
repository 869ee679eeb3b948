using LogicNets.Digital.Relaxation;
using static TorchSharp.torch;

namespace LogicNets.Tests.Digital;

/// <summary>Sparse top-k wire selection: k candidates forward, the dense softmax's gradient backward.</summary>
public class TopKWiringTests
{
    [Fact]
    public void TheForwardPassMixesOnlyTheKLargestLogitsAndTheGradientIsTheDenseSoftmaxs()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var logits = randn(5, 24).requires_grad_(true);
        var selected = GateRelaxation.SelectTopK(logits, 3, straightThrough: false);

        var rows = selected.detach();
        Assert.All(Enumerable.Range(0, 5), r => Assert.Equal(3L, rows[r].count_nonzero().item<long>()));
        Assert.True(rows.sum(1).allclose(ones(5)));
        var top = logits.detach().topk(3, -1).indexes;
        Assert.True(rows.gather(1, top).sum(1).allclose(ones(5))); // the weight sits on the three largest logits
        var expected = nn.functional.softmax(logits.detach().gather(1, top), -1);
        Assert.True(rows.gather(1, top).allclose(expected));

        var weights = randn(5, 24);
        (selected * weights).sum().backward();
        var sparseGrad = logits.grad!.clone();
        logits.grad!.zero_();
        (nn.functional.softmax(logits, -1) * weights).sum().backward();
        Assert.True(sparseGrad.allclose(logits.grad!, rtol: 1e-5, atol: 1e-6));
        Assert.True(sparseGrad.abs().gt(0).all().item<bool>()); // inputs outside the top 3 get a gradient too
    }

    [Fact]
    public void ZeroOrAtLeastTheRowLengthIsTheDenseSoftmaxAndStraightThroughIsTheArgmax()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var logits = randn(4, 6);
        var dense = GateRelaxation.Select(logits, straightThrough: false);
        Assert.True(GateRelaxation.SelectTopK(logits, 0, straightThrough: false).allclose(dense));
        Assert.True(GateRelaxation.SelectTopK(logits, 6, straightThrough: false).allclose(dense));
        Assert.True(GateRelaxation.SelectTopK(logits, 2, straightThrough: true).allclose(GateRelaxation.Select(logits, straightThrough: true)));
    }
}
