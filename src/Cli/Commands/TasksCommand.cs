using System.CommandLine;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets tasks [TASK]</c>: the task families with an example of each; with a task, its definition and hidden rule.</summary>
public static class TasksCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string?>("task")
        {
            Description = "show one task's definition: its input and output bits and, for parity and mixtures, which hidden bits the rule reads",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("tasks", "list the task families, their parameters and examples; 'tasks TASK' shows one task's rule") { name };
        CommandBody.AttachWithJson(command, console, (parse, console, json, _) =>
        {
            if (parse.GetValue(name) is { } one)
            {
                var task = TaskName.Parse(one);
                PrintDefinition(task, console.Out);
                if (json is not null) JsonOutput.Write(json, Definition(task));
            }
            else
            {
                PrintFamilies(console.Out);
                if (json is not null)
                    JsonOutput.Write(json, TaskName.Examples.Select(TaskName.Parse)
                        .Select(task => new { task.Name, Inputs = task.InputWidth, Outputs = task.OutputWidth, task.Description }).ToList());
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The same facts as <see cref="PrintDefinition"/>, as data: which bits each output reads and which none reads.</summary>
    private static object Definition(LearningTask task)
    {
        var read = BitsRead(task);
        return new
        {
            Task = task.Name,
            Rule = task.Description,
            Inputs = task.InputWidth,
            Outputs = task.OutputWidth,
            Targets = task.Kind == TargetKind.Bits ? "bits" : "real",
            BitsReadPerOutput = read,
            Distractors = read is null ? null : Distractors(task, read),
            Rows = task is BitTask bits ? RowsDrawn(bits).Mode : null,
            DefaultNoise = task.DefaultNoise,
        };
    }

    /// <summary>One task as a user needs it to read a result: shape, rule, which bits matter, how rows are drawn.</summary>
    private static void PrintDefinition(LearningTask task, TextWriter output)
    {
        output.WriteLine($"task        {task.Name}");
        output.WriteLine($"rule        {task.Description}");
        output.WriteLine($"shape       {task.InputWidth} input(s) → {task.OutputWidth} output(s), {(task.Kind == TargetKind.Bits ? "bits" : "real values")}");
        if (BitsRead(task) is { } read)
        {
            if (task is MixtureTask mixture)
                for (int r = 0; r < read.Count; r++)
                    output.WriteLine($"out{r,-8} {mixture.Rules[r].Name} of bits {string.Join(", ", read[r])} (in the rule's operand order)");
            else output.WriteLine($"hidden bits {string.Join(", ", read[0])} (out0 = their XOR)");
            var rest = Distractors(task, read);
            output.WriteLine($"distractors {(rest.Length == 0 ? "none" : $"{rest.Length}: {string.Join(", ", rest)}")}");
        }
        if (task is BitTask bits)
        {
            output.WriteLine($"rows        {RowsDrawn(bits).Detail}");
            if (task.DefaultNoise > 0) output.WriteLine($"noise       {task.DefaultNoise:0.###} of training labels flipped by default");
        }
    }

    /// <summary>The input bits each output reads, for the tasks whose rule hides among distractors; null for the others.</summary>
    private static IReadOnlyList<IReadOnlyList<int>>? BitsRead(LearningTask task) => task switch
    {
        ParityTask parity => [parity.HiddenBits],
        MixtureTask mixture => mixture.Groups,
        NoisyXorTask => [[0, 1]],
        _ => null,
    };

    private static int[] Distractors(LearningTask task, IReadOnlyList<IReadOnlyList<int>> read) =>
        Enumerable.Range(0, task.InputWidth).Except(read.SelectMany(group => group)).ToArray();

    /// <summary>How a run draws the task's rows: in a word (JSON) and as a sentence.</summary>
    private static (string Mode, string Detail) RowsDrawn(BitTask task)
    {
        if (task.FixedProtocol is { } fixedRows)
            return ($"fixed: {fixedRows.TrainRows} train, {fixedRows.TestRows} test",
                $"fixed protocol: {fixedRows.TrainRows} train, {fixedRows.TestRows} test (--train-fraction does not apply)");
        if (task.InputWidth <= SplitOptions.MaxEnumeratedInputBits)
            return ("whole table", $"the whole table, {1L << task.InputWidth:N0} rows, split into train and test by --train-fraction");
        var caps = new SplitOptions();
        return ("sampled", $"2^{task.InputWidth} possible inputs, too many to list: train rows (fraction × 2^{task.InputWidth}, at most " +
            $"{caps.MaxSampledTrainRows:N0}) and disjoint test rows (at most {caps.MaxSampledTestRows:N0}) are drawn at random");
    }

    private static void PrintFamilies(TextWriter output)
    {
        output.WriteLine($"Task forms: {TaskName.ValidForms}");
        output.WriteLine();
        foreach (string example in TaskName.Examples)
        {
            var task = TaskName.Parse(example);
            output.WriteLine($"{task.Name,-28} {task.InputWidth,3} → {task.OutputWidth,-3} {task.Description}");
        }
        output.WriteLine();
        output.WriteLine("'logicnets tasks TASK' shows one task's rule: which bits it reads, which are distractors, how its rows are drawn.");
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
