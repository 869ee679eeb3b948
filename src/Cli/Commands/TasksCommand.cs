using System.CommandLine;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets tasks</c>: the task families with an example of each.</summary>
public static class TasksCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("tasks", "list the task families, their parameters and examples");
        CommandBody.Attach(command, console, (_, _) =>
        {
            console.Out.WriteLine($"Task forms: {TaskName.ValidForms}");
            console.Out.WriteLine();
            foreach (string example in TaskName.Examples)
            {
                var task = TaskName.Parse(example);
                console.Out.WriteLine($"{task.Name,-28} {task.InputWidth,3} → {task.OutputWidth,-3} {task.Description}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
