namespace LogicNets.Tasks.Data;

/// <summary>
/// The project's pseudo-random generator: SplitMix64 (Steele, Lea and Flood, 2014). Task definitions (hidden bits),
/// splits, noise, initialisations and shuffles draw from it rather than <see cref="System.Random"/>, whose seeded
/// sequence .NET does not promise across versions: a task name and a seed must mean the same table forever.
/// Every method below is part of that promise; tests pin literal values.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public SplitMix64(int seed) : this(unchecked((ulong)seed)) { }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>), without modulo bias (Lemire's multiply-and-reject).</summary>
    public int Next(int exclusiveMax)
    {
        if (exclusiveMax <= 0) throw new ArgumentOutOfRangeException(nameof(exclusiveMax), exclusiveMax, "must be positive");
        ulong bound = (ulong)exclusiveMax;
        ulong threshold = (0UL - bound) % bound;
        while (true)
        {
            UInt128 product = (UInt128)NextUInt64() * bound;
            if ((ulong)product >= threshold) return (int)(ulong)(product >> 64);
        }
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>128 random bits.</summary>
    public UInt128 NextUInt128() => new(NextUInt64(), NextUInt64());

    /// <summary>Fisher–Yates from the last element down, each swap partner drawn with <see cref="Next"/>.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    public void Shuffle<T>(T[] items) => Shuffle(items.AsSpan());
}
