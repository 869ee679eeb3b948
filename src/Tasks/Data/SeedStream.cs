using LogicNets.Tasks.Definitions;

namespace LogicNets.Tasks.Data;

/// <summary>Independent, reproducible random streams derived from one run seed and a purpose.</summary>
public static class SeedStream
{
    public static int Derive(int seed, string purpose) => StableHash.Of($"{seed}/{purpose}");

    public static SplitMix64 For(int seed, string purpose) => new(Derive(seed, purpose));
}
