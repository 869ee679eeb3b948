using System.CommandLine;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Cli;

/// <summary>
/// <c>--task</c> and the options that complete a file task (<c>--test-data</c>, <c>--inputs</c>, <c>--outputs</c>),
/// parsed into one task whose name carries them all.
/// </summary>
public sealed class TaskOptions
{
    public Option<string> Task { get; } = new("--task")
    {
        Description = "task name, e.g. add:8, or a truth table from a file: pla:FILE or csv:FILE (see 'logicnets tasks')",
        Required = true,
    };

    public Option<string?> TestData { get; } = new("--test-data")
    {
        Description = "file tasks: a separate test file in the task's format (without it the file's rows are split by --train-fraction)",
    };

    public Option<string?> Inputs { get; } = new("--inputs") { Description = "csv tasks: the input columns, comma-separated (default: all but the last)" };

    public Option<string?> Outputs { get; } = new("--outputs") { Description = "csv tasks: the output columns, comma-separated (default: the last)" };

    public void AddTo(Command command)
    {
        command.Add(Task);
        command.Add(TestData);
        command.Add(Inputs);
        command.Add(Outputs);
    }

    public LearningTask Parse(ParseResult parse)
    {
        string? name = parse.GetValue(Task);
        string? test = parse.GetValue(TestData), inputs = parse.GetValue(Inputs), outputs = parse.GetValue(Outputs);
        if (string.IsNullOrWhiteSpace(name)) throw new UsageException($"--task is required; valid forms: {TaskName.ValidForms}");
        name = name.Trim();
        bool isFile = name.StartsWith("pla:", StringComparison.OrdinalIgnoreCase) || name.StartsWith("csv:", StringComparison.OrdinalIgnoreCase);
        if (!isFile && (test ?? inputs ?? outputs) is not null)
            throw new UsageException($"--test-data, --inputs and --outputs apply to file tasks (pla:FILE, csv:FILE); '{name}' is a built-in task");
        if (inputs is not null) name += $";inputs={inputs}";
        if (outputs is not null) name += $";outputs={outputs}";
        if (test is not null) name += $";test={test}";
        return TaskName.Parse(name);
    }
}
