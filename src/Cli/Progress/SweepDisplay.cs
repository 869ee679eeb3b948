using LogicNets.Diagnostics.Harness;
using Spectre.Console;

namespace LogicNets.Cli.Progress;

/// <summary>Runs work with live bars on a terminal and plain lines anywhere else.</summary>
public static class SweepDisplay
{
    public static T Run<T>(CliConsole console, Func<ISweepObserver, T> work)
    {
        if (!console.IsInteractive) return work(new PlainSweepObserver(console.Out));
        return AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => work(new LiveSweepObserver(context)));
    }
}
