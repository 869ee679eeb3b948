using LogicNets.Harness.Reports;
using LogicNets.Harness.Runs;
using LogicNets.Harness.Sweeps;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Suites;

/// <summary>Runs a suite (or one shard of it) into an output folder: runs.csv, then the report (curves.csv, plots, summary.md) from those rows.</summary>
/// <param name="newLauncher">Where runs execute (default: this process).</param>
/// <param name="jobs">Runs at once.</param>
public sealed class BenchRunner(ModelCatalog catalog, Func<IRunLauncher>? newLauncher = null, int jobs = 1)
{
    private readonly SweepRunner _sweeps = new(newLauncher ?? (() => new InProcessLauncher(new RunExecutor(catalog))), jobs, catalog);

    /// <param name="report">Writes the report from the rows (title, rows); default: the purification report.</param>
    public SweepRunner.Result Run(BenchSuite suite, string outDir, Shard shard, ExistingOutput existing, ISweepObserver? observer = null,
        Func<RunSpec, RunSpec>? adjust = null, CancellationToken cancellation = default, Action<string, IReadOnlyList<RunRecord>>? report = null)
    {
        Directory.CreateDirectory(outDir);
        var result = _sweeps.Run(suite.Plan(catalog, adjust), Path.Combine(outDir, PurificationReport.RunsFile), shard, existing, observer, cancellation);
        string title = $"LogicNets (.NET) bench — suite {suite.Name}" + (shard == Shard.All ? "" : $", shard {shard}");
        if (report is null) PurificationReport.Write(outDir, title, result.Rows);
        else report(title, result.Rows);
        return result;
    }
}
