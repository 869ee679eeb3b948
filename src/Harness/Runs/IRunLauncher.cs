using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Runs;

/// <summary>Where a sweep's runs execute: in this process, or each in a worker process that may die alone.</summary>
public interface IRunLauncher : IDisposable
{
    /// <summary>
    /// Runs one spec to its row. Bad configuration throws <see cref="LogicNets.Tasks.UserInputException"/> as
    /// <see cref="RunExecutor.Execute"/> does; everything else that can go wrong is a status of the row.
    /// </summary>
    RunRecord Run(RunSpec spec, IProgress<FitProgress>? progress, CancellationToken cancellation);
}

/// <summary>Runs in the calling process (train, diagnose, tests, <c>--isolation none</c>): a native crash ends the process.</summary>
public sealed class InProcessLauncher(RunExecutor executor) : IRunLauncher
{
    public RunRecord Run(RunSpec spec, IProgress<FitProgress>? progress, CancellationToken cancellation)
    {
        var outcome = executor.Execute(spec, progress, cancellation);
        outcome.Learner.Dispose();
        return outcome.Record;
    }

    public void Dispose() { }
}
