using LogicNets.Tasks.Data;

namespace LogicNets.Tasks.Metrics;

/// <summary>
/// The memorise-and-coin-flip baseline: the expected test bit accuracy of a learner that repeats the training
/// label of every test row it saw in training and flips a fair coin for every bit of a row it did not see.
/// A learner's <em>gain</em> over it is real extrapolation; with disjoint splits the baseline is 0.5.
/// </summary>
public static class MemoriseBaseline
{
    public static double BitAccuracy(Dataset train, Dataset test) =>
        train.InputWidth <= 128 ? BitAccuracy(train, test, (data, row) => data.Key(row)) : BitAccuracy(train, test, (data, row) => data.RowText(row));

    /// <summary>Counts only the test bits the data specifies; an unseen row scores ½ per bit.</summary>
    private static double BitAccuracy<TKey>(Dataset train, Dataset test, Func<Dataset, int, TKey> key) where TKey : notnull
    {
        if (test.Rows == 0) return double.NaN;
        var memory = new Dictionary<TKey, int>(train.Rows);
        for (int r = 0; r < train.Rows; r++) memory.TryAdd(key(train, r), r);
        int m = test.OutputWidth;
        double right = 0;
        long cared = 0;
        for (int r = 0; r < test.Rows; r++)
        {
            bool isSeen = memory.TryGetValue(key(test, r), out int seen);
            for (int o = 0; o < m; o++)
            {
                if (!test.Cares(r * m + o)) continue;
                cared++;
                if (!isSeen) right += 0.5;
                else if (train.TargetRow(seen)[o] > 0.5f == test.TargetRow(r)[o] > 0.5f) right++;
            }
        }
        return cared == 0 ? double.NaN : right / cared;
    }

    public static double Gain(double testBitAccuracy, double baseline) => testBitAccuracy - baseline;
}
