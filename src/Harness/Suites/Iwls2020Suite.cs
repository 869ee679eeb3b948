using System.Globalization;
using LogicNets.Tasks;

namespace LogicNets.Harness.Suites;

/// <summary>
/// The IWLS 2020 "learning from examples" benchmark as a suite: per function exNN, the learners train on
/// <c>train/exNN.train.pla.gz</c> and are scored on <c>validation/exNN.valid.pla.gz</c> (the test file of the run),
/// and, when test rows are given, on <c>exNN.test.pla[.gz]</c> as a holdout no choice ever sees.
/// </summary>
public static class Iwls2020Suite
{
    public const string Name = "iwls2020";

    /// <summary>The contest's size limit for a delivered circuit.</summary>
    public const int MaxAndNodes = 5000;

    /// <summary>Functions ex00–ex79 in tens, by what they compute (the data README's table).</summary>
    public static readonly IReadOnlyList<string> Categories =
        ["adders", "dividers", "multipliers", "comparators", "square roots", "PicoJava", "MCNC i10", "other"];

    public static string CategoryOf(int function) => function is >= 0 and < 80 ? Categories[function / 10] : "other";

    /// <summary>Per-run wall-clock budget: every function's runs together fit the suite in under an hour on 2 cores.</summary>
    public static readonly TimeSpan RunBudget = TimeSpan.FromSeconds(40);

    /// <summary>What runs on each function: the circuit learners a model is chosen from, and mlp as the reference that is no circuit.</summary>
    public static readonly IReadOnlyList<(string Model, int[] Sizes)> Learners =
    [
        ("logic-tree", [6, 10, 16]),
        ("logic-chain", [40]),
        ("distill-bdd", [16, 64]),
        ("distill:mlp>logic-tree", [12]),
        ("gates-wired", [64]),
        ("mlp", [64]),
    ];

    public const string Description =
        "IWLS 2020 learning from examples, ex00–ex79 (needs --data DIR): logic-tree (depth 6, 10, 16), logic-chain (40), distill-bdd (16, 64; functions of at most 20 inputs), distill:mlp>logic-tree (depth 12, a 64-unit mlp teacher labelling up to 2^18 inputs), gates-wired (64) and mlp (64, reference) per function, 40 s per run; chosen per function: the best circuit on the validation rows within 5 000 AND nodes";

    /// <summary>Functions named by a filter: <c>ex00-ex09,ex74</c>, <c>0-9</c>, or null for all 80.</summary>
    public static IReadOnlyList<int> Functions(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) return Enumerable.Range(0, 80).ToArray();
        var chosen = new SortedSet<int>();
        foreach (string part in filter.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] ends = part.Split('-');
            if (ends.Length is < 1 or > 2) throw Invalid(filter);
            int low = Number(ends[0], filter), high = ends.Length == 2 ? Number(ends[1], filter) : low;
            if (low > high) throw Invalid(filter);
            for (int f = low; f <= high; f++) chosen.Add(f);
        }
        return chosen.ToArray();
    }

    private static int Number(string text, string filter)
    {
        string digits = text.StartsWith("ex", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value < 100 ? value : throw Invalid(filter);
    }

    private static UserInputException Invalid(string filter) =>
        new($"--functions '{filter}': expected a list of functions or ranges, e.g. ex00-ex09,ex74 or 0-9,74 (ex00–ex99)");

    public static string FunctionName(int function) => $"ex{function:00}";

    /// <summary>The suite over the files in <paramref name="dataDir"/> (train/, validation/), with test rows from <paramref name="testDir"/> when given.</summary>
    public static BenchSuite Build(string dataDir, string? testDir, IReadOnlyList<int> functions)
    {
        if (!Directory.Exists(dataDir)) throw new UserInputException($"--data '{dataDir}' does not exist (it should hold train/ and validation/ with exNN.*.pla.gz)");
        var entries = new List<SuiteEntry>();
        foreach (int function in functions)
        {
            string name = FunctionName(function);
            string train = Existing(Path.Combine(dataDir, "train", $"{name}.train.pla"), "--data");
            string valid = Existing(Path.Combine(dataDir, "validation", $"{name}.valid.pla"), "--data");
            string task = $"pla:{train};test={valid}";
            if (testDir is not null) task += $";holdout={Existing(Path.Combine(testDir, $"{name}.test.pla"), "--test-data")}";
            foreach (var (model, sizes) in Learners)
                entries.Add(new SuiteEntry(task, 1.0, [model], sizes, 1, RunBudget));
            // (BenchSuite.Plan leaves out a learner that does not take the function, such as distill-bdd beyond 20 inputs.)
        }
        return new BenchSuite(Name, Description, entries);
    }

    /// <summary>The file, gzipped or not.</summary>
    private static string Existing(string stem, string option)
    {
        if (File.Exists(stem + ".gz")) return stem + ".gz";
        if (File.Exists(stem)) return stem;
        throw new UserInputException($"{option}: '{stem}.gz' (or '{stem}') does not exist");
    }

    /// <summary>The function number of a task name that reads exNN.train.pla[.gz], or null.</summary>
    public static int? FunctionOf(string task)
    {
        string file = Path.GetFileName(task.Split(';')[0]);
        return file.Length >= 4 && file.StartsWith("ex", StringComparison.Ordinal) && int.TryParse(file.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;
    }
}
