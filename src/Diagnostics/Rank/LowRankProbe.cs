using static TorchSharp.torch;

namespace LogicNets.Diagnostics.Rank;

/// <summary>
/// Fits W ≈ A·B (A: m×r, B: r×n) by gradient descent (Adam, float64) for r = 1…min(m, n) and reports the relative
/// Frobenius error per r. The rank where the error stops falling is the rank the matrix actually uses.
/// </summary>
public static class LowRankProbe
{
    public sealed record Point(int Rank, double RelativeError);

    public static List<Point> Run(double[,] matrix, int steps = 600, int seed = 1, int? maxRank = null)
    {
        using var scope = NewDisposeScope();
        int m = matrix.GetLength(0), n = matrix.GetLength(1);
        var target = tensor(matrix, dtype: ScalarType.Float64);
        double norm = target.norm().item<double>();
        var points = new List<Point>();
        var generator = new Generator((ulong)seed);
        for (int rank = 1; rank <= Math.Min(maxRank ?? int.MaxValue, Math.Min(m, n)); rank++)
        {
            using var inner = NewDisposeScope();
            var a = new TorchSharp.Modules.Parameter(randn(m, rank, dtype: ScalarType.Float64, generator: generator) * 0.1);
            var b = new TorchSharp.Modules.Parameter(randn(rank, n, dtype: ScalarType.Float64, generator: generator) * 0.1);
            using var optimizer = optim.Adam([a, b], 0.02);
            for (int step = 0; step < steps; step++)
            {
                optimizer.zero_grad();
                var loss = (a.matmul(b) - target).square().sum();
                loss.backward();
                optimizer.step();
            }
            using var noGrad = no_grad();
            double error = (a.matmul(b) - target).norm().item<double>();
            points.Add(new Point(rank, norm > 0 ? error / norm : 0));
        }
        return points;
    }

    /// <summary>The first rank after which the error falls by less than <paramref name="minimumGain"/> (relative) per added rank.</summary>
    public static int Plateau(IReadOnlyList<Point> points, double minimumGain = 0.01)
    {
        for (int index = 0; index + 1 < points.Count; index++)
            if (points[index].RelativeError - points[index + 1].RelativeError < minimumGain) return points[index].Rank;
        return points.Count == 0 ? 0 : points[^1].Rank;
    }
}
