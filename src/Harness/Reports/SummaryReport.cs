using LogicNets.Tasks.Metrics;
using System.Globalization;
using System.Text;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Reports;

/// <summary>
/// summary.md: per task, each learner's best result (highest exact-match, then gain; lowest MSE for real tasks)
/// with the size that reached it, how many runs were scored, and statuses that kept runs out of the results.
/// </summary>
public static class SummaryReport
{
    /// <summary>The best scored run of one (task, model); null when no run of it finished.</summary>
    public static RunRecord? Best(IEnumerable<RunRecord> runs)
    {
        var scored = runs.Where(r => r.IsScored).ToArray();
        if (scored.Length == 0) return null;
        return scored[0].Mse is not null && scored[0].TestBitAccuracy is null
            ? scored.OrderBy(r => r.Mse).ThenBy(r => r.Size).First()
            : scored.OrderByDescending(r => r.TestExact).ThenByDescending(r => r.Gain).ThenBy(r => r.Size).First();
    }

    public static string Render(string title, IReadOnlyList<RunRecord> runs) =>
        Render(title, runs, AccuracyCurve.FromRuns(runs), new Dictionary<(string, double, double), string>());

    /// <summary>The summary with each learner's accuracy-vs-size verdict and a link to each task's picture.</summary>
    public static string Render(string title, IReadOnlyList<RunRecord> runs, IReadOnlyList<AccuracyCurve> curves,
        IReadOnlyDictionary<(string, double, double), string> plots)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine($"# {title}").AppendLine();
        md.AppendLine(inv, $"{runs.Count} runs, {runs.Sum(r => r.WallSeconds):0.0} s of training wall time in total.");
        md.AppendLine("Best per learner: the run with the highest test exact-match (then gain over the memorise-and-coin-flip baseline); for real-valued tasks the lowest test MSE.");
        md.AppendLine("Verdict: the shape of test accuracy (bit tasks) or the solved share (real tasks) against model size over scored runs (ok, or stopped by their budget) — " +
                      "*jump* (the architecture expresses the rule from that size on), *sigmoid* (accuracy creeps with size), *flat*, or *inconclusive* (see curves.csv for the reason).");
        md.AppendLine();
        var sections = runs.GroupBy(r => (r.Task, r.TrainFraction, r.Noise)).ToArray();
        foreach (var task in sections)
        {
            md.AppendLine(inv, $"## {task.Key.Task} (train fraction {task.Key.TrainFraction}, noise {task.Key.Noise})").AppendLine();
            if (RowsLine(task, sections) is { } rows) md.AppendLine(rows).AppendLine();
            var shared = LearnerVariant.SharedSettings(task);
            if (shared.Count > 0) md.AppendLine($"Settings of every run here: {RunConfig.Describe(shared)}.").AppendLine();
            if (plots.TryGetValue(task.Key, out string? plot)) md.AppendLine($"![{task.Key.Task} accuracy vs size]({plot.Replace('\\', '/')})").AppendLine();
            bool real = task.All(r => r.TestBitAccuracy is null && r.Mse is not null || !r.IsScored);
            md.AppendLine(real
                ? "| learner | best test MSE | solved (NMU) | at size | params | verdict | scored runs | not scored |"
                : "| learner | best test exact | test bit acc | baseline | gain | at size | params | verdict | scored runs | not scored | exact runs: how known |");
            md.AppendLine(real ? "|---|---|---|---|---|---|---|---|" : "|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var model in task.GroupBy(r => LearnerVariant.Label(r, shared)))
            {
                var best = Best(model);
                var curve = curves.FirstOrDefault(c => c.Task == task.Key.Task && c.TrainFraction == task.Key.TrainFraction && c.Noise == task.Key.Noise && c.Label == model.Key);
                string verdict = curve is null ? "—" : curve.Verdict.JumpSize is { } jump ? $"{curve.Verdict.Name} at size {jump:G4}" : curve.Verdict.Name;
                int scored = model.Count(r => r.IsScored);
                string unscored = string.Join(", ", model.Where(r => !r.IsScored).GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key.Name()}"));
                // Budget runs are results, but stopped early: the reader should know how many of the scored ones they are.
                int budget = model.Count(r => r.Status == RunStatus.Budget);
                string scoredText = budget > 0 ? $"{scored} ({budget} stopped by budget)" : $"{scored}";
                if (unscored.Length == 0) unscored = "—";
                string exact = ExactRuns(model);
                if (best is null)
                    md.AppendLine(real ? $"| {model.Key} | — | — | — | — | {verdict} | 0 | {unscored} |" : $"| {model.Key} | — | — | — | — | — | — | {verdict} | 0 | {unscored} | {exact} |");
                else if (real)
                    md.AppendLine(inv, $"| {model.Key} | {best.Mse:G3} | {(best.Solved == true ? "yes" : "no")} | {best.Size} | {best.Params} | {verdict} | {scoredText} | {unscored} |");
                else
                    md.AppendLine(inv, $"| {model.Key} | {best.TestExact:0.000} | {best.TestBitAccuracy:0.000} | {best.BaselineAccuracy:0.000} | {best.Gain:+0.000;-0.000;0.000} | {best.Size} | {best.Params} | {verdict} | {scoredText} | {unscored} | {exact} |");
            }
            md.AppendLine();
        }
        return md.ToString();
    }

    /// <summary>
    /// The runs exact on their test rows, split by how that is known: on every input (exhaustive, proved) or on
    /// sampled rows only — "exact" on a sample is a weaker claim, and a later <c>verify</c> may refute it.
    /// </summary>
    private static string ExactRuns(IEnumerable<RunRecord> runs)
    {
        var exact = runs.Where(r => r.IsScored && r.Solved == true).ToList();
        if (exact.Count == 0) return "none";
        return string.Join(", ", exact.GroupBy(r => r.Verified ?? "unrecorded").OrderBy(g => Verification.IsComplete(g.Key) ? 0 : 1)
            .Select(g => $"{g.Count()} {g.Key}"));
    }

    /// <summary>
    /// Rows each run trained and tested on. On sampled tables a row cap, not the fraction, sets the split, so two
    /// fractions can be one experiment; the line says so rather than let a reader compare them.
    /// </summary>
    private static string? RowsLine(IGrouping<(string Task, double TrainFraction, double Noise), RunRecord> section,
        IEnumerable<IGrouping<(string Task, double TrainFraction, double Noise), RunRecord>> sections)
    {
        var train = section.Select(r => r.TrainRows).OfType<int>().Distinct().ToArray();
        var test = section.Select(r => r.TestRows).OfType<int>().Distinct().ToArray();
        if (train.Length != 1 || test.Length != 1) return null;
        var inv = CultureInfo.InvariantCulture;
        string line = string.Create(inv, $"Each run: {train[0]:N0} training rows, {test[0]:N0} test rows.");
        var twins = sections.Where(o => o.Key.Task == section.Key.Task && o.Key.Noise == section.Key.Noise && o.Key.TrainFraction != section.Key.TrainFraction
                                        && o.Select(r => r.TrainRows).OfType<int>().Distinct().SequenceEqual(train))
            .Select(o => o.Key.TrainFraction.ToString(inv)).ToArray();
        if (twins.Length > 0)
            line += $" The same row counts as at train fraction {string.Join(", ", twins)}: the table is sampled and the row cap, not the fraction, sets the split (same seed, same rows).";
        return line;
    }
}
