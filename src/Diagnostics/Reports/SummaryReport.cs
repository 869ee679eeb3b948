using System.Globalization;
using System.Text;
using LogicNets.Tasks.Learning;
using LogicNets.Tasks.Results;

namespace LogicNets.Diagnostics.Reports;

/// <summary>
/// summary.md: per task, each learner's best result (highest exact-match, then gain; lowest MSE for real tasks)
/// with the size that reached it, how many runs were scored, and statuses that kept runs out of the results.
/// </summary>
public static class SummaryReport
{
    /// <summary>The best scored run of one (task, model); null when no run of it finished.</summary>
    public static RunRecord? Best(IEnumerable<RunRecord> runs)
    {
        var scored = runs.Where(IsScored).ToArray();
        if (scored.Length == 0) return null;
        return scored[0].Mse is not null && scored[0].TestBitAccuracy is null
            ? scored.OrderBy(r => r.Mse).ThenBy(r => r.Size).First()
            : scored.OrderByDescending(r => r.TestExact).ThenByDescending(r => r.Gain).ThenBy(r => r.Size).First();
    }

    /// <summary>Only finished runs count; timeouts, divergences and failures are reported, never averaged in.</summary>
    public static bool IsScored(RunRecord run) => run.Status == RunStatus.Ok.Name();

    public static string Render(string title, IReadOnlyList<RunRecord> runs)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine($"# {title}").AppendLine();
        md.AppendLine(inv, $"{runs.Count} runs, {runs.Sum(r => r.WallSeconds):0.0} s of training wall time in total.");
        md.AppendLine("Best per learner: the run with the highest test exact-match (then gain over the memorise-and-coin-flip baseline); for real-valued tasks the lowest test MSE.");
        md.AppendLine();
        foreach (var task in runs.GroupBy(r => (r.Task, r.TrainFraction, r.Noise)))
        {
            md.AppendLine(inv, $"## {task.Key.Task} (train fraction {task.Key.TrainFraction}, noise {task.Key.Noise})").AppendLine();
            bool real = task.All(r => r.TestBitAccuracy is null && r.Mse is not null || !IsScored(r));
            md.AppendLine(real
                ? "| learner | best test MSE | solved (NMU) | at size | params | scored runs | not scored |"
                : "| learner | best test exact | test bit acc | baseline | gain | at size | params | scored runs | not scored |");
            md.AppendLine(real ? "|---|---|---|---|---|---|---|" : "|---|---|---|---|---|---|---|---|---|");
            foreach (var model in task.GroupBy(r => r.Model))
            {
                var best = Best(model);
                int scored = model.Count(IsScored);
                string unscored = string.Join(", ", model.Where(r => !IsScored(r)).GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key}"));
                if (unscored.Length == 0) unscored = "—";
                if (best is null)
                    md.AppendLine(real ? $"| {model.Key} | — | — | — | — | 0 | {unscored} |" : $"| {model.Key} | — | — | — | — | — | — | 0 | {unscored} |");
                else if (real)
                    md.AppendLine(inv, $"| {model.Key} | {best.Mse:G3} | {(best.Solved == true ? "yes" : "no")} | {best.Size} | {best.Params} | {scored} | {unscored} |");
                else
                    md.AppendLine(inv, $"| {model.Key} | {best.TestExact:0.000} | {best.TestBitAccuracy:0.000} | {best.BaselineAccuracy:0.000} | {best.Gain:+0.000;-0.000;0.000} | {best.Size} | {best.Params} | {scored} | {unscored} |");
            }
            md.AppendLine();
        }
        return md.ToString();
    }
}
