using LogicNets.Tasks.Data;

namespace LogicNets.Tasks.Metrics;

/// <summary>
/// Bit accuracy (share of right output bits) and exact-match rate (share of rows with every bit right); a
/// don't-care bit of the data (<see cref="Dataset.Care"/>) is neither right nor wrong.
/// </summary>
public readonly record struct BitScore(double BitAccuracy, double ExactMatch)
{
    /// <summary>Scores 0/1 predictions (anything above 0.5 counts as 1) against a dataset's targets.</summary>
    public static BitScore Of(ReadOnlySpan<float> predictions, Dataset data)
    {
        if (predictions.Length != data.Targets.Length)
            throw new ArgumentException($"{predictions.Length} predictions for {data.Targets.Length} targets");
        if (data.Rows == 0) return new BitScore(double.NaN, double.NaN);
        long rightBits = 0, caredBits = 0, exactRows = 0;
        int m = data.OutputWidth;
        for (int r = 0; r < data.Rows; r++)
        {
            int right = 0, cared = 0;
            for (int o = 0; o < m; o++)
            {
                int k = r * m + o;
                if (!data.Cares(k)) continue;
                cared++;
                if (predictions[k] > 0.5f == data.Targets[k] > 0.5f) right++;
            }
            rightBits += right;
            caredBits += cared;
            if (right == cared) exactRows++;
        }
        return new BitScore(caredBits == 0 ? double.NaN : (double)rightBits / caredBits, (double)exactRows / data.Rows);
    }
}
