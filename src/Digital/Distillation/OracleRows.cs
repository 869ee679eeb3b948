using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Digital.Distillation;

/// <summary>The inputs a teacher is asked about when its answers become a student's training rows.</summary>
public static class OracleRows
{
    /// <summary>
    /// The whole table when it has at most <paramref name="limit"/> rows; otherwise <paramref name="limit"/> rows:
    /// the training rows' inputs first (where the teacher was taught), then inputs drawn uniformly with the seed.
    /// </summary>
    public static Dataset For(Dataset train, int limit, int seed, out bool wholeTable)
    {
        int n = train.InputWidth;
        wholeTable = n <= 30 && 1L << n <= limit;
        if (wholeTable) return Dataset.WholeTable(n, train.OutputWidth);
        int rows = Math.Max(limit, train.Rows);
        var values = new float[(long)rows * n];
        Array.Copy(train.Inputs, values, (long)train.Rows * n);
        var rng = new SplitMix64(unchecked(seed * 0x2545F491 + 0x6A09E667));
        for (long k = (long)train.Rows * n; k < values.Length; k++) values[k] = rng.NextUInt64() >> 63 == 1 ? 1f : 0f;
        return new Dataset(rows, n, train.OutputWidth, values, new float[(long)rows * train.OutputWidth], TargetKind.Bits);
    }
}
