using LogicNets.Diagnostics.Reports;
using LogicNets.Tasks.Results;

namespace LogicNets.Diagnostics.Harness;

/// <summary>Runs a suite (or one shard of it) into an output folder: runs.csv, then the report (curves.csv, plots, summary.md) from those rows.</summary>
public sealed class BenchRunner(SweepRunner sweeps)
{
    public const string RunsFile = "runs.csv";

    public SweepRunner.Result Run(BenchSuite suite, string outDir, Shard shard, ExistingOutput existing, ISweepObserver? observer = null,
        Func<RunSpec, RunSpec>? adjust = null, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(outDir);
        var result = sweeps.Run(suite.Plan(adjust), Path.Combine(outDir, RunsFile), shard, existing, observer, cancellation);
        PurificationReport.Write(outDir, $"LogicNets (.NET) bench — suite {suite.Name}" + (shard == Shard.All ? "" : $", shard {shard}"), result.Rows);
        return result;
    }
}
