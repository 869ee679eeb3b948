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
        output.WriteLine();
        output.WriteLine("Truth tables from files:");
        output.WriteLine("  --task pla:FILE            Espresso PLA (.i .o .p .type f|fr|fd .ilb .ob .e; .pla or .pla.gz): input '-' stands for both values,");
        output.WriteLine("                             output '-' or '~' is a don't-care and is not scored");
        output.WriteLine("  --task csv:FILE            0/1 columns under a header; --inputs a,b,c and --outputs y choose them (default: all but the last / the last);");
        output.WriteLine("                             an output '-' is a don't-care");
        output.WriteLine("  --test-data FILE           a separate test file in the same format; without it the file's rows are split by --train-fraction");
        output.WriteLine("  e.g. logicnets train --task pla:../shared/data/iwls2020/train/ex74.train.pla.gz \\");
        output.WriteLine("         --test-data ../shared/data/iwls2020/validation/ex74.valid.pla.gz --model logic-tree");
    }
}
