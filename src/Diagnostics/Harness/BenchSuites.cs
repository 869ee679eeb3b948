namespace LogicNets.Diagnostics.Harness;

/// <summary>The suites <c>logicnets bench</c> knows.</summary>
public static class BenchSuites
{
    /// <summary>Learners every suite runs. Grows as learners are registered.</summary>
    public static IReadOnlyList<string> Learners => BuiltInModels.Catalog.All.Select(m => m.Name).ToArray();

    /// <summary>Per-run budget of the quick suite: with every learner it must finish in under 10 minutes on 2 cores.</summary>
    private static readonly TimeSpan QuickBudget = TimeSpan.FromSeconds(45);

    public static BenchSuite Quick => new(
        "quick",
        "every learner on add:4, parity:8:2, noisy-xor, a mixture and product at 4 sizes (2, 4, 8, 32: enough for a verdict), 1 seed (minutes on 2 cores)",
        [
            new("add:4", 0.5, Learners, [2, 4, 8, 32], 1, QuickBudget),
            new("parity:8:2", 0.5, Learners, [2, 4, 8, 32], 1, QuickBudget),
            new("noisy-xor", 1.0, Learners, [2, 4, 8, 32], 1, QuickBudget),
            new("mix:xor2,and2,maj3:d3", 0.5, Learners, [2, 4, 8, 32], 1, QuickBudget),
            new("product", 1.0, Learners, [2, 4, 8, 32], 1, QuickBudget),
        ]);

    public static BenchSuite Full
    {
        get
        {
            int[] ladder = [8, 16, 32, 64, 128, 256];
            var budget = TimeSpan.FromSeconds(240);
            return new BenchSuite(
                "full",
                "every learner on add, mul, parity, noisy-xor, two mixtures and product (two ranges) over a size ladder, 3 seeds (about 2 hours on 2 cores)",
                [
                    new("add:8", 0.5, Learners, ladder, 3, budget),
                    new("add:8", 0.1, Learners, ladder, 3, budget),
                    new("add:12", 0.5, Learners, ladder, 3, budget),
                    new("add:12", 0.1, Learners, ladder, 3, budget),
                    new("mul:4", 0.5, Learners, ladder, 3, budget),
                    new("mul:6", 0.5, Learners, ladder, 3, budget),
                    new("parity:16:3", 0.5, Learners, ladder, 3, budget),
                    new("noisy-xor", 1.0, Learners, ladder, 3, budget),
                    new("mix:xor3,and2,maj3,add2:d4", 0.5, Learners, ladder, 3, budget),
                    new("mix:xor2,or3,add3:d6", 0.1, Learners, ladder, 3, budget),
                    new("product", 1.0, Learners, ladder, 3, budget),
                    new("product:-2,2:-6,6", 1.0, Learners, ladder, 3, budget),
                ]);
        }
    }

    public static IReadOnlyList<BenchSuite> All => [Quick, Full];

    public static BenchSuite Get(string name) =>
        All.FirstOrDefault(s => s.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown suite '{name}'; valid suites: {string.Join(", ", All.Select(s => s.Name))}");
}
