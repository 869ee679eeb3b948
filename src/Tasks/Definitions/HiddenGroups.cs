namespace LogicNets.Tasks.Definitions;

/// <summary>Deterministic choice of hidden input positions for tasks whose rule hides among distractors.</summary>
internal static class HiddenGroups
{
    /// <summary>A seeded permutation of 0..n-1.</summary>
    public static int[] Permutation(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Data.SplitMix64(seed).Shuffle(order);
        return order;
    }

    /// <summary>k distinct positions out of n, ascending.</summary>
    public static int[] Choose(int n, int k, int seed)
    {
        var chosen = Permutation(n, seed)[..k];
        Array.Sort(chosen);
        return chosen;
    }
}
