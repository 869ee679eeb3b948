using LogicNets.Tasks;
namespace LogicNets.Harness.Suites;

/// <summary>The suites <c>logicnets bench</c> knows. Each runs every learner of the catalog it is planned with.</summary>
public static class BenchSuites
{
    /// <summary>Per-run budget of the quick suite: with every learner it must finish in under 10 minutes on 2 cores.</summary>
    private static readonly TimeSpan QuickBudget = TimeSpan.FromSeconds(45);

    /// <summary>Optimizer steps a quick-suite run gets at most (learners' defaults are 1000–8000).</summary>
    private const int QuickSteps = 500;

    public static BenchSuite Quick => new(
        "quick",
        "every learner on add:4, parity:8:2, noisy-xor, a mixture and product at 4 sizes (2, 4, 8, 32: enough for a verdict), 1 seed, at most 500 optimizer steps per run (measured on 2 cores: 10 min 4 s with AVX2 only, 212 runs; gates-conv's 16 runs add 51 s; before logic-chain and distill-bdd joined, 5 min 48 s with AVX-512)",
        [
            Entry("add:4", 0.5, [2, 4, 8, 32], 1, QuickBudget, QuickSteps),
            Entry("parity:8:2", 0.5, [2, 4, 8, 32], 1, QuickBudget, QuickSteps),
            Entry("noisy-xor", 1.0, [2, 4, 8, 32], 1, QuickBudget, QuickSteps),
            Entry("mix:xor2,and2,maj3:d3", 0.5, [2, 4, 8, 32], 1, QuickBudget, QuickSteps),
            Entry("product", 1.0, [2, 4, 8, 32], 1, QuickBudget, QuickSteps),
        ]);

    /// <summary>
    /// Sized from per-step costs measured on add:8 (BENCHMARKS.md, <c>LearnerTrainingBenchmark</c>): `moie` alone
    /// is half the cost, so the ladder stops at 32 and runs get at most 250 optimizer steps. Measured: 66 minutes of clock
    /// time on the 2-core machine with ten learners and one job, about 42 minutes with twelve and --jobs 2 (docs/results/README.md).
    /// </summary>
    public static BenchSuite Full
    {
        get
        {
            int[] ladder = [4, 8, 16, 32];
            var budget = TimeSpan.FromSeconds(90);
            const int steps = 250;
            return new BenchSuite(
                "full",
                "every learner on add, mul, parity, noisy-xor, two mixtures and product (two ranges) over sizes 4–32, 3 seeds, at most 250 optimizer steps and 90 s per run (measured on 2 cores with twelve learners: 3 920 s of run time, about 42 minutes with --jobs 2; gates-conv's 120 runs add 4 285 s)",
                [
                    Entry("add:8", 0.5, ladder, 3, budget, steps),
                    Entry("add:8", 0.1, ladder, 3, budget, steps),
                    Entry("add:12", 0.5, ladder, 3, budget, steps),
                    Entry("add:12", 0.1, ladder, 3, budget, steps),
                    Entry("mul:4", 0.5, ladder, 3, budget, steps),
                    Entry("mul:6", 0.5, ladder, 3, budget, steps),
                    Entry("parity:16:3", 0.5, ladder, 3, budget, steps),
                    Entry("noisy-xor", 1.0, ladder, 3, budget, steps),
                    Entry("mix:xor3,and2,maj3,add2:d4", 0.5, ladder, 3, budget, steps),
                    Entry("mix:xor2,or3,add3:d6", 0.1, ladder, 3, budget, steps),
                    Entry("product", 1.0, ladder, 3, budget, steps),
                    Entry("product:-2,2:-6,6", 1.0, ladder, 3, budget, steps),
                ]);
        }
    }

    private static SuiteEntry Entry(string task, double fraction, int[] sizes, int seeds, TimeSpan budget, int steps) =>
        new(task, fraction, Models: null, sizes, seeds, budget, StepCap: steps);

    public static IReadOnlyList<BenchSuite> All => [Quick, Full];

    public static BenchSuite Get(string name) =>
        All.FirstOrDefault(s => s.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new UserInputException($"unknown suite '{name}'; valid suites: {string.Join(", ", All.Select(s => s.Name))}");
}
