using System.Numerics;

namespace LogicNets.Digital.Evaluation;

/// <summary>Bit accuracy of packed outputs against packed targets, by popcount.</summary>
public static class PackedAccuracy
{
    public static double Of(PackedBits outputs, PackedBits targets)
    {
        if (outputs.Lanes != targets.Lanes || outputs.Samples != targets.Samples)
            throw new ArgumentException($"outputs {outputs.Lanes}×{outputs.Samples} do not match targets {targets.Lanes}×{targets.Samples}");
        if (outputs.Samples == 0 || outputs.Lanes == 0) return 1.0;
        long wrong = 0;
        for (int i = 0; i < outputs.Data.Length; i++) wrong += BitOperations.PopCount(outputs.Data[i] ^ targets.Data[i]);
        return 1.0 - (double)wrong / ((long)outputs.Samples * outputs.Lanes);
    }
}
