using LogicNets.Harness.Runs;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Sweeps;

/// <summary>Receives the progress of a sweep (the CLI draws it; tests count it).</summary>
public interface ISweepObserver
{
    void SweepStarted(int toRun, int alreadyDone);

    void RunStarted(int position, int toRun, RunSpec spec);

    void EpochFinished(RunSpec spec, FitProgress progress);

    void RunFinished(int position, int toRun, RunRecord record);
}

/// <summary>An observer that ignores everything.</summary>
public sealed class SilentSweepObserver : ISweepObserver
{
    public static readonly SilentSweepObserver Instance = new();

    public void SweepStarted(int toRun, int alreadyDone) { }

    public void RunStarted(int position, int toRun, RunSpec spec) { }

    public void EpochFinished(RunSpec spec, FitProgress progress) { }

    public void RunFinished(int position, int toRun, RunRecord record) { }
}

/// <summary>Forwards a learner's epochs to an observer synchronously (System.Progress would reorder them on the thread pool).</summary>
public sealed class EpochRelay(RunSpec spec, ISweepObserver observer) : IProgress<FitProgress>
{
    public void Report(FitProgress value) => observer.EpochFinished(spec, value);
}
