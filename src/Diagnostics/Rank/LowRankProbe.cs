namespace LogicNets.Diagnostics.Rank;

/// <summary>
/// The best rank-r approximation error of W for r = 1…min(m, n), relative to ‖W‖F, from its singular values
/// (Eckart–Young: min over rank-r A·B of ‖W − A·B‖F is √(Σ_{i&gt;r} σᵢ²)). The rank where the error stops falling is the
/// rank the matrix actually uses.
/// </summary>
public static class LowRankProbe
{
    public sealed record Point(int Rank, double RelativeError);

    /// <summary>The error curve of a matrix whose singular values <see cref="RankCapacity"/> has computed.</summary>
    public static List<Point> Of(RankCapacity rank, int? maxRank = null)
    {
        var sigma = rank.SingularValues; // descending
        int ranks = Math.Min(maxRank ?? int.MaxValue, Math.Min(rank.Rows, rank.Columns));
        // Tails summed from the smallest σ up, not subtracted from the total: at the true rank the tail is ~0 and a
        // difference of two large sums would leave rounding noise of √ε ≈ 1e-8 instead.
        var tails = new double[sigma.Length + 1];
        for (int i = sigma.Length - 1; i >= 0; i--) tails[i] = tails[i + 1] + sigma[i] * sigma[i];
        double total = tails[0];
        var points = new List<Point>(ranks);
        for (int r = 1; r <= ranks; r++)
            points.Add(new Point(r, total > 0 ? Math.Sqrt(tails[Math.Min(r, sigma.Length)] / total) : 0));
        return points;
    }

    /// <summary>The error curve of <paramref name="matrix"/>.</summary>
    public static List<Point> Run(double[,] matrix, int? maxRank = null) => Of(RankCapacity.Of(matrix), maxRank);

    /// <summary>The first rank after which the error falls by less than <paramref name="minimumGain"/> (relative) per added rank.</summary>
    public static int Plateau(IReadOnlyList<Point> points, double minimumGain = 0.01)
    {
        for (int index = 0; index + 1 < points.Count; index++)
            if (points[index].RelativeError - points[index + 1].RelativeError < minimumGain) return points[index].Rank;
        return points.Count == 0 ? 0 : points[^1].Rank;
    }
}
