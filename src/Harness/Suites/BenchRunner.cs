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
    private readonly SweepRunner _sweeps = new(newLauncher ?? (() => new InProcessLauncher(new RunExecutor(catalog))), jobs);

    public SweepRunner.Result Run(BenchSuite suite, string outDir, Shard shard, ExistingOutput existing, ISweepObserver? observer = null,
        Func<RunSpec, RunSpec>? adjust = null, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(outDir);
        var result = _sweeps.Run(suite.Plan(catalog, adjust), Path.Combine(outDir, PurificationReport.RunsFile), shard, existing, observer, cancellation);
        PurificationReport.Write(outDir, $"LogicNets (.NET) bench — suite {suite.Name}" + (shard == Shard.All ? "" : $", shard {shard}"), result.Rows);
        return result;
    }
}
