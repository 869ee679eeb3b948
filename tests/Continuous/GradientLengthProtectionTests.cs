using FsCheck;
using FsCheck.Fluent;
using LogicNets.Continuous.Gramo;
using LogicNets.Continuous.Mlp;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Tests.Continuous;

public class GradientLengthProtectionTests
{
    private static readonly ProtectionSettings Issue = new() { Epsilon = 1e-3, SmallRowMultiplier = 10 };

    private static float[,] Rescaled(float[,] gradient, ProtectionSettings settings)
    {
        using var scope = NewDisposeScope();
        // Through autograd, as a layer sees it: d(sum(P(x)·g))/dx = rescale(g).
        var x = zeros(gradient.GetLength(0), gradient.GetLength(1), requires_grad: true);
        (GradientLengthProtection.Apply(x, settings) * tensor(gradient)).sum().backward();
        var values = x.grad!.data<float>().ToArray();
        var result = new float[gradient.GetLength(0), gradient.GetLength(1)];
        Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(float));
        return result;
    }

    private static void AssertRow(float[,] actual, int row, double[] expected, int digits = 3)
    {
        for (int column = 0; column < expected.Length; column++)
            Assert.Equal(expected[column], actual[row, column], digits);
    }

    [Fact]
    public void ElementModeRescalesRowsToRmsOneAndMultipliesSmallRows()
    {
        var result = Rescaled(new float[,] { { 0.1f, 0.2f }, { 0.01f, 0.02f }, { 0.001f, 0.002f }, { 1e-4f, 2e-4f }, { 1e-5f, 2e-5f } }, Issue);
        for (int row = 0; row < 3; row++) AssertRow(result, row, [0.632, 1.265]);
        AssertRow(result, 3, [1e-3, 2e-3], digits: 6);
        AssertRow(result, 4, [1e-4, 2e-4], digits: 7);
    }

    [Fact]
    public void PowerOfTwoRoundingRoundsEachMultiplier()
    {
        var rows = new float[,] { { 0.1f, 0.2f }, { 0.01f, 0.02f }, { 0.001f, 0.002f }, { 1e-4f, 2e-4f } };
        var result = Rescaled(rows, Issue with { RoundToPowerOfTwo = true });
        double[] multipliers = [8, 64, 512, 8];
        for (int row = 0; row < 4; row++)
            AssertRow(result, row, [rows[row, 0] * multipliers[row], rows[row, 1] * multipliers[row]], digits: 6);
    }

    [Fact]
    public void OneColumnRowsBelowEpsKeepTheirSizeTimesTheMultiplier()
    {
        var result = Rescaled(new float[,] { { 0.12f }, { 0.11f }, { 0.10f }, { 0.09f }, { 0.08f } },
            new ProtectionSettings { Epsilon = 0.1, SmallRowMultiplier = 2 });
        double[] expected = [1, 1, 1, 0.18, 0.16];
        for (int row = 0; row < 5; row++) Assert.Equal(expected[row], result[row, 0], 5);
    }

    [Fact]
    public void VectorModeRescalesRowsToUnitLength()
    {
        var result = Rescaled(new float[,] { { 1, 2 }, { 1, 3 } }, new ProtectionSettings { Mode = ProtectionMode.Vector });
        AssertRow(result, 0, [0.447, 0.894]);
        AssertRow(result, 1, [0.316, 0.949]);
    }

    [Fact]
    public void RowsNeverMix()
    {
        // Changing one row of the incoming gradient changes only that row of the result.
        var shapes = from rows in Gen.Choose(2, 9) from columns in Gen.Choose(1, 9) from changed in Gen.Choose(0, rows - 1)
                     from seed in Gen.Choose(0, 10_000) select (rows, columns, changed, seed);
        Prop.ForAll(shapes.ToArbitrary(), shape =>
        {
            using var scope = NewDisposeScope();
            var generator = new Random(shape.seed);
            var gradient = new float[shape.rows, shape.columns];
            for (int r = 0; r < shape.rows; r++)
                for (int c = 0; c < shape.columns; c++) gradient[r, c] = (float)(generator.NextDouble() * 2 - 1);
            var before = Rescaled(gradient, Issue);
            for (int c = 0; c < shape.columns; c++) gradient[shape.changed, c] *= 7;
            var after = Rescaled(gradient, Issue);
            for (int r = 0; r < shape.rows; r++)
                if (r != shape.changed)
                    for (int c = 0; c < shape.columns; c++)
                        if (before[r, c] != after[r, c]) return false;
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ProtectedMlpForwardEqualsThePlainMlpBitForBit()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(5);
        var plain = MlpNetwork.Create(7, 33, 4, 3);
        random.manual_seed(5);
        var protectedMlp = new ProtectedMlp(7, 33, 4, 3, new ProtectionSettings());
        var input = randn(50, 7, requires_grad: false);
        Assert.True(plain.forward(input).eq(protectedMlp.forward(input)).all().item<bool>());
    }

    [Theory]
    [InlineData(3, 8, 16, 1.0)]
    [InlineData(12, 64, 5, 1e-4)]
    [InlineData(30, 64, 128, 1e3)]
    public void EveryWeightGradientHasRmsEqualToTheScalingFactor(int depth, int width, int batch, double lossScale)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(11);
        var settings = new ProtectionSettings { ScalingFactor = 0.25 };
        var network = new ProtectedMlp(6, width, depth, 2, settings);
        var loss = nn.functional.mse_loss(network.forward(randn(batch, 6)), randn(batch, 2)) * lossScale;
        loss.backward();
        foreach (var layer in network.Layers)
            Assert.Equal(0.25, layer.weight!.grad!.square().mean().sqrt().item<float>(), 4);
    }
}
