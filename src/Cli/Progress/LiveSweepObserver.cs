using System.Globalization;
using LogicNets.Harness.Runs;
using LogicNets.Harness.Sweeps;
using LogicNets.Tasks.Learning;
using Spectre.Console;

namespace LogicNets.Cli.Progress;

/// <summary>Progress bars on a terminal: the whole sweep, and the epochs of the run in flight (one bar, reused).</summary>
public sealed class LiveSweepObserver(ProgressContext context) : ISweepObserver
{
    private ProgressTask? _overall;
    private ProgressTask? _current;

    public void SweepStarted(int toRun, int alreadyDone)
    {
        if (alreadyDone > 0) AnsiConsole.MarkupLine($"[grey]{alreadyDone} runs already done, skipped[/]");
        _overall = context.AddTask("runs", maxValue: Math.Max(1, toRun));
    }

    public void RunStarted(int position, int toRun, RunSpec spec)
    {
        // One bar for the run in flight, reset per run: a bar per run would grow the display by a line a run.
        _current ??= context.AddTask("run", maxValue: 1);
        _current.Value = 0;
        _current.MaxValue = 1;
        _current.Description = Markup.Escape(RunResultLine.Describe(spec));
    }

    public void EpochFinished(RunSpec spec, FitProgress progress)
    {
        if (_current is null) return;
        _current.MaxValue = progress.Epochs;
        _current.Value = progress.Epoch;
        _current.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{RunResultLine.Describe(spec)} loss {progress.Loss:G3}"));
    }

    public void RunFinished(int position, int toRun, RunRecord record)
    {
        if (_current is not null) _current.Value = _current.MaxValue;
        _overall?.Increment(1);
        AnsiConsole.MarkupLine($"[grey][[{position}/{toRun}]][/] {Markup.Escape($"{record.Task} {record.Model} size={record.Size} seed={record.Seed}: {RunResultLine.Format(record)}")}");
    }
}
