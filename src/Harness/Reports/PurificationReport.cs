using System.Globalization;
using LogicNets.Harness.Csv;
using LogicNets.Harness.Plots;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Files;

namespace LogicNets.Harness.Reports;

/// <summary>
/// Everything a person reads after a suite, sweep or merge, from run rows: curves.csv (verdicts), one
/// accuracy-vs-size PNG per task under plots/, and summary.md (best result and verdict per learner, with the pictures).
/// </summary>
public static class PurificationReport
{
    /// <summary>The run rows a report is made from (bench output, merged shards).</summary>
    public const string RunsFile = "runs.csv";

    public const string SummaryFile = "summary.md";
    public const string CurvesFile = "curves.csv";
    public const string PlotFolder = "plots";

    /// <summary>What a report writes into its folder (the plot folder's pictures included).</summary>
    public static readonly IReadOnlyList<string> OwnedFiles = [RunsFile, SummaryFile, CurvesFile, PlotFolder];

    /// <summary>The files written, for the caller to print.</summary>
    public sealed record Files(string Summary, string Curves, IReadOnlyList<string> Plots);

    public static Files Write(string outDir, string title, IReadOnlyList<RunRecord> rows)
    {
        var curves = AccuracyCurve.FromRuns(rows);
        string curvesPath = Path.Combine(outDir, CurvesFile);
        CsvTable.Write(curvesPath, curves.Select(curve => curve.ToRecord()));
        var plots = new Dictionary<(string, double, double), string>();
        foreach (var task in curves.GroupBy(curve => (curve.Task, curve.TrainFraction, curve.Noise)))
        {
            string relative = Path.Combine(PlotFolder, PlotName(task.Key.Task, task.Key.TrainFraction, task.Key.Noise));
            var baseline = AccuracyPlot.BaselineOf(rows.Where(row => (row.Task, row.TrainFraction, row.Noise) == task.Key));
            AccuracyPlot.Save(Path.Combine(outDir, relative), Describe(task.Key.Task, task.Key.TrainFraction, task.Key.Noise), task.ToList(), baseline);
            plots[task.Key] = relative;
        }
        string summaryPath = Path.Combine(outDir, SummaryFile);
        AtomicFile.WriteAllText(summaryPath, SummaryReport.Render(title, rows, curves, plots));
        return new Files(summaryPath, curvesPath, plots.Values.Select(plot => Path.Combine(outDir, plot)).ToList());
    }

    private static string Describe(string task, double fraction, double noise) =>
        string.Create(CultureInfo.InvariantCulture, $"{task} (train fraction {fraction}, noise {noise})");

    /// <summary>A file name for a task's plot: the name made safe (<see cref="TaskName.FileSafe"/>), plus the split.</summary>
    public static string PlotName(string task, double fraction, double noise) =>
        string.Create(CultureInfo.InvariantCulture, $"{TaskName.FileSafe(task)}-f{fraction}-n{noise}.png");
}
