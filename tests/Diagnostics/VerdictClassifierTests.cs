using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogicNets.Diagnostics.PossibilitySpace;

namespace LogicNets.Tests.Diagnostics;

public class VerdictClassifierTests
{
    private static readonly double[] Ladder = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

    [Fact]
    public void CleanStepIsAJumpAtTheRightSize()
    {
        var verdict = VerdictClassifier.Classify(Ladder.Select(size => (size, size >= 32 ? 1.0 : 0.5)));
        Assert.Equal(CurveShape.Jump, verdict.Shape);
        Assert.Equal(32, verdict.JumpSize);
    }

    [Fact]
    public void LogisticRampOverTwoDecadesIsASigmoid()
    {
        // Midpoint at size 30, 10–90% over two decades (3 → 300).
        double width = 2 / (2 * Math.Log(9));
        var verdict = VerdictClassifier.Classify(Ladder.Select(size => (size, 0.5 + 0.5 / (1 + Math.Exp(-(Math.Log10(size) - Math.Log10(30)) / width)))));
        Assert.Equal(CurveShape.Sigmoid, verdict.Shape);
        Assert.InRange(verdict.MidpointSize!.Value, 20, 45);
        Assert.InRange(verdict.WidthDecades!.Value, 1.5, 2.5);
        Assert.Null(verdict.JumpSize);
    }

    [Fact]
    public void AnExactLogisticIsRecoveredExactlyNotToTheNearestGridPoint()
    {
        // Off any grid: midpoint 37, 10–90% over 1.3 decades, levels 0.52 and 0.97.
        double width = 1.3 / (2 * Math.Log(9));
        var verdict = VerdictClassifier.Classify(Ladder.Select(size => (size, 0.52 + 0.45 / (1 + Math.Exp(-(Math.Log10(size) - Math.Log10(37)) / width)))));
        Assert.Equal(CurveShape.Sigmoid, verdict.Shape);
        Assert.InRange(verdict.MidpointSize!.Value, 37 * 0.999, 37 * 1.001);
        Assert.InRange(verdict.WidthDecades!.Value, 1.3 * 0.999, 1.3 * 1.001);
        Assert.True(verdict.LogisticR2 > 0.999999, $"logistic R² {verdict.LogisticR2}");
    }

    [Fact]
    public void ConstantIsFlat() =>
        Assert.Equal(CurveShape.Flat, VerdictClassifier.Classify(Ladder.Select(size => (size, 0.73))).Shape);

    [Fact]
    public void NoisySeedsAroundAStepStillGiveAJump()
    {
        var generator = new Random(4);
        var points = Ladder.SelectMany(size => Enumerable.Range(0, 3).Select(_ =>
            (size, (size >= 16 ? 0.98 : 0.55) + (generator.NextDouble() - 0.5) * 0.08))).ToList();
        var verdict = VerdictClassifier.Classify(points);
        Assert.Equal(CurveShape.Jump, verdict.Shape);
        Assert.Equal(16, verdict.JumpSize);
        Assert.Equal(33, verdict.Points);
    }

    [Fact]
    public void ARiseWithinOneSizeStepIsAJumpEvenWithASizeCaughtPartwayUp()
    {
        // Size 32 sits halfway up: a two-level step explains 83 % of the spread, a logistic all of it with a
        // transition far narrower than the octave between sizes (issue #18: this read "inconclusive ... logistic R² 1").
        double[] sizes = [8, 16, 32, 64, 128];
        double[] means = [0.5, 0.5, 0.75, 1.0, 1.0];
        var verdict = VerdictClassifier.Classify(sizes.Zip(means));
        Assert.Equal(CurveShape.Jump, verdict.Shape);
        Assert.InRange(verdict.StepR2!.Value, 0.8, 0.9);
        Assert.True(verdict.LogisticR2 >= 0.99, $"logistic R² {verdict.LogisticR2}");
        Assert.Contains("less than one size step", verdict.Reason);
        Assert.Contains("from 0.5 at size 16 to 1 at size 64", verdict.Reason);
        Assert.Equal(32, verdict.JumpSize);
    }

    /// <summary>Any curve gets a verdict; the logistic, which holds the step as its narrow limit, explains about as much as the step or more.</summary>
    [Property(MaxTest = 200)]
    public Property EveryCurveGetsAVerdictWithRSquaredAtMostOne() =>
        Prop.ForAll(
            (from sizes in Gen.Choose(4, 11)
             from means in Gen.ArrayOf(Gen.Choose(0, 1000).Select(v => v / 1000.0), sizes)
             select means).ToArbitrary(),
            means =>
            {
                var verdict = VerdictClassifier.Classify(means.Select((accuracy, index) => (Ladder[index], accuracy)));
                return verdict.Shape == CurveShape.Flat
                    || (verdict.LogisticR2 is { } r2 && r2 <= 1 + 1e-9 && verdict.StepR2 is { } step && r2 >= step - 0.02 && verdict.Reason.Length > 0);
            });

    [Fact]
    public void OnFourSizesALogisticIsNoEvidenceAndTheVerdictSaysSo()
    {
        // The quick suite's mlp on add:4 (sizes 2, 4, 8, 32): a logistic passes through the four means (R² ≈ 1).
        var verdict = VerdictClassifier.Classify([(2, 0.6), (4, 0.597), (8, 0.711), (32, 0.836)]);
        Assert.Equal(CurveShape.Inconclusive, verdict.Shape);
        Assert.True(verdict.LogisticR2 > 0.99);
        Assert.Contains("cannot tell a jump from a sigmoid: measure more sizes", verdict.Reason);
    }

    [Fact]
    public void TooFewSizesAreInconclusiveWithTheReason()
    {
        var verdict = VerdictClassifier.Classify([(8, 0.5), (16, 0.9), (32, 1.0)]);
        Assert.Equal(CurveShape.Inconclusive, verdict.Shape);
        Assert.Contains("at least 4 sizes", verdict.Reason);
    }

    [Fact]
    public void ScatterThatNeitherFitExplainsIsInconclusive()
    {
        double[] zigzag = [0.5, 0.9, 0.5, 0.9, 0.5, 0.9, 0.5, 0.9];
        var verdict = VerdictClassifier.Classify(zigzag.Select((accuracy, index) => (Ladder[index], accuracy)));
        Assert.Equal(CurveShape.Inconclusive, verdict.Shape);
        Assert.Contains("neither fit", verdict.Reason);
    }
}
