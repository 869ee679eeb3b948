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

    /// <summary>Executes one run with the same progress display a sweep gets.</summary>
    public static RunExecutor.Outcome RunOne(CliConsole console, RunSpec spec, CancellationToken cancellation) =>
        Run(console, observer =>
        {
            observer.RunStarted(1, 1, spec);
            var result = new RunExecutor(BuiltInModels.Catalog).Execute(spec, new EpochRelay(spec, observer), cancellation);
            observer.RunFinished(1, 1, result.Record);
            return result;
        });
}
