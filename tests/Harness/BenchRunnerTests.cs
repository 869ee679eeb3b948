using System.Globalization;
using LogicNets.Harness.Registry;
using LogicNets.Harness.Runs;
using LogicNets.Harness.Suites;
using LogicNets.Harness.Sweeps;
using LogicNets.Harness.Reports;

namespace LogicNets.Tests.Harness;

public class BenchRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("logicnets-bench-").FullName;

    private static readonly BenchSuite Tiny = new("tiny", "seconds", [
        new SuiteEntry("add:2", 0.5, ["mlp", "logic-tree"], [4, 16], 1, TimeSpan.FromSeconds(30), Epochs: 5),
        new SuiteEntry("product", 1.0, ["mlp", "logic-tree"], [4], 1, TimeSpan.FromSeconds(30), Epochs: 2),
    ]);

    [Fact]
    public void TinySuiteWritesRunsAndASummaryWhoseNumbersComeFromTheRuns()
    {
        var runner = new BenchRunner(BuiltInModels.Catalog);
        var result = runner.Run(Tiny, _dir, Shard.All, ExistingOutput.Refuse);

        var rows = RunCsv.Read(Path.Combine(_dir, PurificationReport.RunsFile));
        Assert.Equal(result.Rows, rows);
        // logic-tree learns bits only: the suite skips it on product instead of failing.
        Assert.Equal(5, rows.Count);
        Assert.DoesNotContain(rows, r => r.Task == "product" && r.Model == "logic-tree");

        string summary = File.ReadAllText(Path.Combine(_dir, LogicNets.Harness.Reports.PurificationReport.SummaryFile));
        foreach (var group in rows.GroupBy(r => (r.Task, r.Model)))
        {
            var best = SummaryReport.Best(group)!;
            string expected = best.Mse is not null && best.TestBitAccuracy is null
                ? string.Format(CultureInfo.InvariantCulture, "| {0} | {1:G3} |", best.Model, best.Mse)
                : string.Format(CultureInfo.InvariantCulture, "| {0} | {1:0.000} | {2:0.000} | {3:0.000} | {4:+0.000;-0.000;0.000} | {5} |",
                    best.Model, best.TestExact, best.TestBitAccuracy, best.BaselineAccuracy, best.Gain, best.Size);
            Assert.Contains(expected, summary);
            // The best row really is the best: no other scored run of the pair has a higher exact-match.
            if (best.TestExact is { } exact) Assert.All(group.Where(r => r.IsScored), r => Assert.True(r.TestExact <= exact));
        }

        // curves.csv: one verdict per (task, model) with a finished run; two sizes are too few, and the summary says the same.
        var curves = File.ReadAllLines(Path.Combine(_dir, PurificationReport.CurvesFile));
        Assert.StartsWith("task,train_fraction,noise,model,metric,verdict", curves[0]);
        Assert.Equal(rows.Where(r => r.IsScored).Select(r => (r.Task, r.Model)).Distinct().Count(), curves.Length - 1);
        Assert.All(curves.Skip(1), line => Assert.Contains(",inconclusive,", line));
        Assert.Contains("| inconclusive |", summary);
        // One accuracy-vs-size picture per task, linked from the summary.
        foreach (string task in new[] { "add_2", "product" })
        {
            string plot = Path.Combine(PurificationReport.PlotFolder, PurificationReport.PlotName(task.Replace('_', ':'), task == "product" ? 1.0 : 0.5, 0));
            var bytes = File.ReadAllBytes(Path.Combine(_dir, plot));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.Contains($"]({plot})", summary);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
