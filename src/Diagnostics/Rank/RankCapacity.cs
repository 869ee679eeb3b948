using MathNet.Numerics.LinearAlgebra;

namespace LogicNets.Diagnostics.Rank;

/// <summary>
/// Rank measures of one weight matrix from its float64 singular values σ: numerical rank (σ &gt; tolerance, by default
/// σ_max·max(m, n)·ε_double as in LAPACK/numpy), effective rank exp(H(σ/Σσ)), and stable rank ‖W‖F²/‖W‖2² = Σσ²/σ_max².
/// </summary>
public sealed record RankCapacity(int Rows, int Columns, int NumericalRank, double Tolerance, double EffectiveRank, double StableRank, double[] SingularValues)
{
    public static RankCapacity Of(double[,] matrix, double? tolerance = null)
    {
        var dense = Matrix<double>.Build.DenseOfArray(matrix);
        var sigma = dense.Svd(computeVectors: false).S.ToArray();
        Array.Sort(sigma, (a, b) => b.CompareTo(a));
        double largest = sigma.Length > 0 ? sigma[0] : 0;
        double threshold = tolerance ?? largest * Math.Max(dense.RowCount, dense.ColumnCount) * Math.Pow(2, -52);
        int numerical = sigma.Count(s => s > threshold);
        double total = sigma.Sum();
        double entropy = 0;
        if (total > 0)
            foreach (double s in sigma)
                if (s > 0) entropy -= s / total * Math.Log(s / total);
        double stable = largest > 0 ? sigma.Sum(s => s * s) / (largest * largest) : 0;
        return new RankCapacity(dense.RowCount, dense.ColumnCount, numerical, threshold, total > 0 ? Math.Exp(entropy) : 0, stable, sigma);
    }

    /// <summary>A pathway can carry at most the smallest numerical rank along it.</summary>
    public static int PathwayBound(IEnumerable<RankCapacity> pathway) => pathway.Min(rank => rank.NumericalRank);
}
