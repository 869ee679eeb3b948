using LogicNets.Diagnostics.Rank;

namespace LogicNets.Tests.Diagnostics;

public class RankCapacityTests
{
    private static double[,] Random(int rows, int columns, Random generator)
    {
        var matrix = new double[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++) matrix[r, c] = generator.NextDouble() * 2 - 1;
        return matrix;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), k = a.GetLength(1), m = b.GetLength(1);
        var product = new double[n, m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                for (int t = 0; t < k; t++) product[i, j] += a[i, t] * b[t, j];
        return product;
    }

    [Theory]
    [InlineData(12, 1)]
    [InlineData(12, 5)]
    [InlineData(30, 17)]
    public void ProductOfThinFactorsHasTheInnerRank(int n, int r)
    {
        var generator = new Random(n * 31 + r);
        var rank = RankCapacity.Of(Multiply(Random(n, r, generator), Random(r, n, generator)));
        Assert.Equal(r, rank.NumericalRank);
        Assert.True(rank.Tolerance > 0);
    }

    [Fact]
    public void IdentityHasFullEffectiveAndStableRank()
    {
        var identity = new double[9, 9];
        for (int i = 0; i < 9; i++) identity[i, i] = 1;
        var rank = RankCapacity.Of(identity);
        Assert.Equal(9, rank.NumericalRank);
        Assert.Equal(9, rank.EffectiveRank, 9);
        Assert.Equal(9, rank.StableRank, 9);
    }

    [Fact]
    public void RankOneMatrixHasStableRankOne()
    {
        var generator = new Random(3);
        var rank = RankCapacity.Of(Multiply(Random(7, 1, generator), Random(1, 5, generator)));
        Assert.Equal(1, rank.NumericalRank);
        Assert.Equal(1, rank.StableRank, 9);
        Assert.Equal(1, RankCapacity.PathwayBound([rank, RankCapacity.Of(new double[,] { { 1, 0 }, { 0, 1 } })]));
    }

    [Fact]
    public void LowRankProbeErrorStopsFallingAtTheTrueRank()
    {
        var generator = new Random(5);
        var matrix = Multiply(Random(10, 3, generator), Random(3, 10, generator));
        var points = LowRankProbe.Run(matrix, maxRank: 6);
        Assert.Equal(6, points.Count);
        Assert.True(points[1].RelativeError > 0.05, $"rank 2 error {points[1].RelativeError}");
        Assert.True(points[2].RelativeError < 1e-9, $"rank 3 error {points[2].RelativeError}");
        Assert.Equal(3, LowRankProbe.Plateau(points));
    }

    /// <summary>
    /// The singular-value errors are the optimum that the earlier probe approached by fitting W ≈ A·B with Adam
    /// (issue #18): on a full-rank matrix the fit never beats them and ends close to them at every rank.
    /// </summary>
    [Fact]
    public void EckartYoungErrorsAreTheOptimumThatGradientDescentApproaches()
    {
        var matrix = Random(8, 6, new Random(11));
        var exact = LowRankProbe.Run(matrix);
        var fitted = FittedErrors(matrix, steps: 1500);
        Assert.Equal(6, exact.Count);
        for (int r = 0; r < exact.Count; r++)
        {
            Assert.True(fitted[r] >= exact[r].RelativeError - 1e-6, $"rank {r + 1}: fit {fitted[r]} below the optimum {exact[r].RelativeError}");
            Assert.True(fitted[r] <= exact[r].RelativeError + 0.02, $"rank {r + 1}: fit {fitted[r]} far above the optimum {exact[r].RelativeError}");
        }
        Assert.True(exact[^1].RelativeError < 1e-9);
    }

    /// <summary>The earlier probe, kept here as the reference: W ≈ A·B by Adam in float64 for each rank.</summary>
    private static double[] FittedErrors(double[,] matrix, int steps)
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        int m = matrix.GetLength(0), n = matrix.GetLength(1);
        var target = TorchSharp.torch.tensor(matrix, dtype: TorchSharp.torch.ScalarType.Float64);
        double norm = target.norm().item<double>();
        var generator = new TorchSharp.torch.Generator(1);
        var errors = new double[Math.Min(m, n)];
        for (int rank = 1; rank <= errors.Length; rank++)
        {
            var a = new TorchSharp.Modules.Parameter(TorchSharp.torch.randn(m, rank, dtype: TorchSharp.torch.ScalarType.Float64, generator: generator) * 0.1);
            var b = new TorchSharp.Modules.Parameter(TorchSharp.torch.randn(rank, n, dtype: TorchSharp.torch.ScalarType.Float64, generator: generator) * 0.1);
            using var optimizer = TorchSharp.torch.optim.Adam([a, b], 0.02);
            for (int step = 0; step < steps; step++)
            {
                optimizer.zero_grad();
                (a.matmul(b) - target).square().sum().backward();
                optimizer.step();
            }
            using var noGrad = TorchSharp.torch.no_grad();
            errors[rank - 1] = (a.matmul(b) - target).norm().item<double>() / norm;
        }
        return errors;
    }
}
