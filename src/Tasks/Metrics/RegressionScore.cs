using LogicNets.Tasks.Data;

namespace LogicNets.Tasks.Metrics;

/// <summary>Mean squared error and the NMU success criterion for real-valued tasks.</summary>
public readonly record struct RegressionScore(double Mse, double SuccessThreshold)
{
    /// <summary>Weight error of the "nearly perfect" reference solution (Madsen &amp; Johansen 2020).</summary>
    public const double NmuEpsilon = 1e-5;

    /// <summary>Success: test MSE below that of a nearly perfect multiplication unit.</summary>
    public bool Success => Mse < SuccessThreshold;

    public static RegressionScore Of(ReadOnlySpan<float> predictions, Dataset data)
    {
        if (predictions.Length != data.Targets.Length)
            throw new ArgumentException($"{predictions.Length} predictions for {data.Targets.Length} targets");
        double sum = 0;
        for (int i = 0; i < predictions.Length; i++)
        {
            double error = (double)predictions[i] - data.Targets[i];
            sum += error * error;
        }
        return new RegressionScore(sum / Math.Max(1, predictions.Length), NmuThreshold(data));
    }

    /// <summary>
    /// MSE of an NMU whose two weights are 1 − ε instead of 1, i.e. ŷ = Π (x_i(1 − ε) + ε), on the same inputs:
    /// the threshold below which the NMU protocol counts a run as solved.
    /// </summary>
    public static double NmuThreshold(Dataset data)
    {
        double sum = 0;
        for (int r = 0; r < data.Rows; r++)
        {
            var x = data.InputRow(r);
            double nearlyPerfect = 1, exact = 1;
            foreach (float xi in x)
            {
                nearlyPerfect *= xi * (1 - NmuEpsilon) + NmuEpsilon;
                exact *= xi;
            }
            sum += (nearlyPerfect - exact) * (nearlyPerfect - exact);
        }
        return sum / Math.Max(1, data.Rows);
    }
}
