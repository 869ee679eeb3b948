using System.CommandLine;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets tasks</c>: the task families with an example of each.</summary>
public static class TasksCommand
{
    public static Command Create(CliConsole console) =>
        CommandBody.Listing("tasks", "list the task families, their parameters and examples", console, Print);

    private static void Print(TextWriter output)
    {
        output.WriteLine($"Task forms: {TaskName.ValidForms}");
        output.WriteLine();
        foreach (string example in TaskName.Examples)
        {
            var task = TaskName.Parse(example);
            output.WriteLine($"{task.Name,-28} {task.InputWidth,3} → {task.OutputWidth,-3} {task.Description}");
        }
    }
}
