using System.CommandLine;
using LogicNets.Cli.Commands;

namespace LogicNets.Cli;

/// <summary>The <c>logicnets</c> command tree; <see cref="Run"/> is also what tests call in-process.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var console = new CliConsole(output, error);
        var root = new RootCommand("LogicNets (.NET): learn binary logic and arithmetic with continuous and digital learners, and test whether they recover the pure rule.")
        {
            TasksCommand.Create(console),
            ModelsCommand.Create(console),
            DoctorCommand.Create(console),
            TrainCommand.Create(console),
            SweepCommand.Create(console),
            BenchCommand.Create(console),
            ReportCommand.Create(console),
            DiagnoseCommand.Create(console),
            ExportCommand.Create(console),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            string command = parse.CommandResult.Command == root ? "logicnets" : $"logicnets {parse.CommandResult.Command.Name}";
            error.WriteLine($"error: {parse.Errors[0].Message} (see '{command} --help')");
            return ExitCodes.BadInput;
        }
        return parse.Invoke(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        });
    }
}
