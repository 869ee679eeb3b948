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
