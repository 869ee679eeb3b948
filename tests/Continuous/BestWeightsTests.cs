using LogicNets.Continuous.Training;
using LogicNets.Tasks.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Tests.Continuous;

public class BestWeightsTests
{
    [Fact]
    public void TheWeightsOfTheBestTrainingScoreComeBackOnlyWhenTheEndIsWorse()
    {
        using var scope = NewDisposeScope();
        using var network = nn.Linear(3, 2);
        using var best = new BestWeights(network);
        float[] Weights() => network.weight!.detach().clone().data<float>().ToArray();

        best.Observe(1, new TrainingFit(0.6, false));
        using (no_grad()) network.weight!.add_(1);
        best.Observe(2, new TrainingFit(0.9, false));
        var atBest = Weights();
        using (no_grad()) network.weight!.add_(1);
        best.Observe(3, new TrainingFit(0.7, false)); // worse: not kept
        var atEnd = Weights();

        Assert.False(best.RestoreIfBetter(0.9)); // the end is as good: the last weights stay
        Assert.Equal(atEnd, Weights());
        Assert.True(best.RestoreIfBetter(0.7));
        Assert.Equal(2, best.Epoch);
        Assert.Equal(atBest, Weights());
    }
}
