using System.CommandLine;
using LogicNets.Cli.Commands;
using LogicNets.Harness.Registry;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli;

/// <summary>The <c>logicnets</c> command tree; <see cref="Run"/> is also what tests call in-process.</summary>
public static class CliApp
{
    /// <param name="catalog">The learners the commands know; the built-in ones unless a caller (a test, an extension) brings its own.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, ModelCatalog? catalog = null)
    {
        var console = new CliConsole(output, error);
        catalog ??= BuiltInModels.Catalog;
        var root = new RootCommand("LogicNets (.NET): learn binary logic and arithmetic with continuous and digital learners, and test whether they recover the pure rule.")
        {
            TasksCommand.Create(console),
            ModelsCommand.Create(console, catalog),
            DoctorCommand.Create(console),
            TrainCommand.Create(console, catalog),
            SweepCommand.Create(console, catalog),
            BenchCommand.Create(console, catalog),
            ReportCommand.Create(console),
            DiagnoseCommand.Create(console, catalog),
            ExportCommand.Create(console, catalog),
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
