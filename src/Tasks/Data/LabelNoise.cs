using LogicNets.Tasks.Definitions;

namespace LogicNets.Tasks.Data;

/// <summary>Training-label noise. Only ever applied to training data: the test set stays clean.</summary>
public static class LabelNoise
{
    /// <summary>
    /// Bits: each target bit flips independently with probability <paramref name="rate"/>.
    /// Reals: Gaussian noise with σ = rate × σ(targets) is added.
    /// </summary>
    public static Dataset Apply(Dataset data, double rate, SplitMix64 rng)
    {
        var targets = (float[])data.Targets.Clone();
        if (data.Kind == TargetKind.Bits)
        {
            for (int i = 0; i < targets.Length; i++)
                if (rng.NextDouble() < rate) targets[i] = 1 - targets[i];
        }
        else
        {
            double mean = targets.Average(t => (double)t);
            double sigma = Math.Sqrt(targets.Average(t => (t - mean) * (t - mean)));
            for (int i = 0; i < targets.Length; i++) targets[i] += (float)(rate * sigma * Gaussian(rng));
        }
        return data.WithTargets(targets);
    }

    private static double Gaussian(SplitMix64 rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
