using System.Diagnostics;
using System.Globalization;
using LogicNets.Harness.Runs;
using LogicNets.Harness.Sweeps;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli.Progress;

/// <summary>Progress as plain lines, for logs, pipes and batch schedulers: one line per run, a heartbeat every 10 s.</summary>
public sealed class PlainSweepObserver(TextWriter output) : ISweepObserver
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);
    private readonly Stopwatch _sinceLastLine = new();

    public void SweepStarted(int toRun, int alreadyDone) =>
        output.WriteLine(alreadyDone > 0 ? $"{toRun} runs to do ({alreadyDone} already done, skipped)" : $"{toRun} runs to do");

    public void RunStarted(int position, int toRun, RunSpec spec)
    {
        output.WriteLine($"[{position}/{toRun}] {RunResultLine.Describe(spec)}");
        output.Flush();
        _sinceLastLine.Restart();
    }

    public void EpochFinished(RunSpec spec, FitProgress progress)
    {
        if (_sinceLastLine.Elapsed < Heartbeat) return;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    epoch {progress.Epoch}/{progress.Epochs}, loss {progress.Loss:G4}"));
        output.Flush();
        _sinceLastLine.Restart();
    }

    public void RunFinished(int position, int toRun, RunRecord record)
    {
        output.WriteLine($"    {RunResultLine.Format(record)}");
        output.Flush();
    }
}
