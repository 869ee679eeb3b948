using LogicNets.Harness.Runs;
using LogicNets.Harness.Sweeps;
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

    /// <summary>Success, or — for a sweep or suite stopped by Ctrl+C — a line saying how to finish it and exit code 1.</summary>
    public static int ExitCode(CliConsole console, SweepRunner.Result result, string what)
    {
        if (!result.Cancelled) return ExitCodes.Success;
        console.Error.WriteLine($"interrupted: rerun the same command with --resume to finish the {what}");
        return ExitCodes.InternalFailure;
    }

    /// <summary>Executes one run with the same progress display a sweep gets.</summary>
    public static RunExecutor.Outcome RunOne(CliConsole console, RunExecutor executor, RunSpec spec, CancellationToken cancellation) =>
        Run(console, observer =>
        {
            observer.RunStarted(1, 1, spec);
            var result = executor.Execute(spec, new EpochRelay(spec, observer), cancellation);
            observer.RunFinished(1, 1, result.Record);
            return result;
        });
}
