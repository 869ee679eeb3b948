using System.Globalization;

namespace LogicNets.Tasks.Definitions;

/// <summary>
/// <c>product[:lo,hi:lo,hi]</c> — two reals to their product. The default follows the NMU protocol (Madsen &amp;
/// Johansen 2020): train on U[1,2], test (extrapolation) on U[2,6]. Give ranges for other protocols, e.g.
/// <c>product:-2,2:-6,6</c> for a symmetric one.
/// </summary>
public sealed class ProductTask : LearningTask
{
    public const int TrainRows = 4096;
    public const int TestRows = 4096;

    public ProductTask(double trainLow = 1, double trainHigh = 2, double testLow = 2, double testHigh = 6)
    {
        if (!(trainLow < trainHigh) || !(testLow < testHigh) || !double.IsFinite(trainLow + trainHigh + testLow + testHigh))
            throw new TaskSpecException($"product ranges need finite lo < hi, got [{trainLow},{trainHigh}] and [{testLow},{testHigh}]");
        TrainRange = (trainLow, trainHigh);
        TestRange = (testLow, testHigh);
    }

    public (double Low, double High) TrainRange { get; }

    public (double Low, double High) TestRange { get; }

    private bool IsDefault => TrainRange == (1, 2) && TestRange == (2, 6);

    public override string Name => IsDefault
        ? "product"
        : string.Create(CultureInfo.InvariantCulture, $"product:{TrainRange.Low},{TrainRange.High}:{TestRange.Low},{TestRange.High}");

    public override string Description => string.Create(CultureInfo.InvariantCulture,
        $"x1·x2 for reals; train x ~ U[{TrainRange.Low},{TrainRange.High}], test x ~ U[{TestRange.Low},{TestRange.High}]")
        + (IsDefault ? " (NMU extrapolation protocol)" : "");

    public override int InputWidth => 2;

    public override int OutputWidth => 1;

    public override bool HasOwnSplit => true;

    public override TargetKind Kind => TargetKind.Real;
}
