using System.CommandLine;
using LogicNets.Harness.Runs;
using LogicNets.Harness.Workers;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets worker</c> (hidden): the worker process of a sweep; reads jobs on stdin, answers on stdout (see <see cref="WorkerProtocol"/>).</summary>
public static class WorkerCommand
{
    public static Command Create(CliConsole console, ModelCatalog catalog)
    {
        var parent = new Option<int?>("--parent") { Description = "exit when this process id is gone" };
        var command = new Command("worker", "run jobs from a sweep (internal)") { parent };
        command.Hidden = true;
        CommandBody.Attach(command, console, (parse, _) =>
            WorkerLoop.Serve(Console.In, console.Out, new RunExecutor(catalog), parse.GetValue(parent)));
        return command;
    }
}
