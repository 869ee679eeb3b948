using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Metrics;

namespace LogicNets.Tests.Tasks;

public class NoiseAndBaselineTests
{
    [Property(MaxTest = 40)]
    public Property NoiseTouchesOnlyTrainingLabelsAtTheRequestedRate() =>
        Prop.ForAll(
            (from rate in Gen.Choose(0, 60).Select(i => i / 100.0) from seed in Gen.Choose(0, 1000) select (rate, seed)).ToArbitrary(),
            c =>
            {
                var task = (BitTask)TaskName.Parse("add:5"); // 1024 rows × 6 output bits
                var clean = TaskDataFactory.Create(task, new SplitOptions { Seed = c.seed, TrainFraction = 0.7 });
                var noisy = TaskDataFactory.Create(task, new SplitOptions { Seed = c.seed, TrainFraction = 0.7, Noise = c.rate });
                bool sameInputs = clean.Train.Inputs.SequenceEqual(noisy.Train.Inputs) && clean.Test.Inputs.SequenceEqual(noisy.Test.Inputs);
                bool testClean = clean.Test.Targets.SequenceEqual(noisy.Test.Targets);
                int bits = clean.Train.Targets.Length;
                int flipped = Enumerable.Range(0, bits).Count(i => clean.Train.Targets[i] != noisy.Train.Targets[i]);
                double sigma = Math.Sqrt(c.rate * (1 - c.rate) / bits);
                return sameInputs && testClean && Math.Abs((double)flipped / bits - c.rate) <= 4.5 * sigma + 1e-12;
            });

    [Fact]
    public void BaselineIsACoinFlipOnDisjointSplits()
    {
        var data = TaskDataFactory.Create(TaskName.Parse("add:4"), new SplitOptions { Seed = 1, TrainFraction = 0.3 });
        Assert.Equal(0.5, MemoriseBaseline.BitAccuracy(data.Train, data.Test));
    }

    [Fact]
    public void BaselineIsPerfectWhenEveryTestRowWasSeenWithCleanLabels()
    {
        var data = TaskDataFactory.Create(TaskName.Parse("add:3"), new SplitOptions { Seed = 1, TrainFraction = 1 });
        Assert.Equal(1.0, MemoriseBaseline.BitAccuracy(data.Train, data.Test));
    }

    [Fact]
    public void BaselineCountsSeenRowsByTheirRememberedLabels()
    {
        // Two test rows, one output bit. Row 1 was seen with a wrong (noisy) label, row 2 was not seen.
        var train = new Dataset(1, 2, 1, [1, 0], [0], TargetKind.Bits);
        var test = new Dataset(2, 2, 1, [1, 0, 0, 1], [1, 1], TargetKind.Bits);
        Assert.Equal((0 + 0.5) / 2, MemoriseBaseline.BitAccuracy(train, test));
        var cleanTrain = train.WithTargets([1]);
        Assert.Equal((1 + 0.5) / 2, MemoriseBaseline.BitAccuracy(cleanTrain, test));
    }

    [Fact]
    public void BitScoreCountsBitsAndWholeRows()
    {
        var data = new Dataset(2, 1, 2, [0, 1], [1, 0, 1, 1], TargetKind.Bits);
        var score = BitScore.Of([1, 1, 1, 1], data);
        Assert.Equal(0.75, score.BitAccuracy);
        Assert.Equal(0.5, score.ExactMatch);
    }

    [Fact]
    public void NmuCriterionAcceptsTheExactProductAndRejectsASmallBias()
    {
        var data = TaskDataFactory.Create(new ProductTask(), new SplitOptions { Seed = 1 }).Test;
        var exact = Enumerable.Range(0, data.Rows).Select(r => (float)((double)data.InputRow(r)[0] * data.InputRow(r)[1])).ToArray();
        Assert.True(RegressionScore.Of(exact, data).Success);
        var biased = exact.Select(v => v + 0.01f).ToArray();
        Assert.False(RegressionScore.Of(biased, data).Success);
    }
}
