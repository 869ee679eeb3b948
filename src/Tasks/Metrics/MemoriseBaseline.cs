using LogicNets.Tasks.Data;

namespace LogicNets.Tasks.Metrics;

/// <summary>
/// The memorise-and-coin-flip baseline: the expected test bit accuracy of a learner that repeats the training
/// label of every test row it saw in training and flips a fair coin for every bit of a row it did not see.
/// A learner's <em>gain</em> over it is real extrapolation; with disjoint splits the baseline is 0.5.
/// </summary>
public static class MemoriseBaseline
{
    public static double BitAccuracy(Dataset train, Dataset test)
    {
        if (test.Rows == 0) return double.NaN;
        var memory = new Dictionary<UInt128, int>(train.Rows);
        for (int r = 0; r < train.Rows; r++) memory.TryAdd(train.Key(r), r);
        int m = test.OutputWidth;
        double right = 0;
        for (int r = 0; r < test.Rows; r++)
        {
            if (!memory.TryGetValue(test.Key(r), out int seen))
            {
                right += 0.5 * m;
                continue;
            }
            var remembered = train.TargetRow(seen);
            var truth = test.TargetRow(r);
            for (int o = 0; o < m; o++)
                if (remembered[o] > 0.5f == truth[o] > 0.5f) right++;
        }
        return right / ((long)test.Rows * m);
    }

    public static double Gain(double testBitAccuracy, double baseline) => testBitAccuracy - baseline;
}
