using System.Runtime.Intrinsics;
using LogicNets.Continuous.Kernels;

namespace LogicNets.Tests.Continuous;

public class VectorExpTests
{
    [Fact]
    public void EveryLaneIsWithinTwoUnitsInTheLastPlaceOfMathFExpAcrossFloatsRange()
    {
        float worst = 0;
        for (float x = -87f; x <= 88f; x += 0.0137f)
        {
            var lanes = VectorExp.Exp(Vector256.Create(x, -x / 2, x / 3, x / 10, x / 100, x / 1000, 1e-6f * x, 0f));
            for (int lane = 0; lane < 8; lane++)
            {
                float input = lane switch { 0 => x, 1 => -x / 2, 2 => x / 3, 3 => x / 10, 4 => x / 100, 5 => x / 1000, 6 => 1e-6f * x, _ => 0f };
                float expected = MathF.Exp(input), actual = lanes[lane];
                worst = MathF.Max(worst, MathF.Abs(actual - expected) / (MathF.BitIncrement(expected) - expected));
            }
        }
        Assert.InRange(worst, 0, 2);
    }

    [Fact]
    public void BeyondFloatsRangeItClampsToFiniteValues()
    {
        var result = VectorExp.Exp(Vector256.Create(-1000f, -88f, 89f, 1000f, float.NegativeInfinity, 0f, 1f, -1f));
        Assert.Equal(MathF.Exp(-87f), result[0], 1e-44f);
        Assert.True(result[3] > 1e38f && float.IsFinite(result[3]));
        Assert.True(result[4] >= 0 && result[4] < 1e-37f);
        Assert.Equal(1f, result[5]);
        Assert.Equal(MathF.E, result[6], 1e-6f);
    }
}
