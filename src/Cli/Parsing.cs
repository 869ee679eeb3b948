using LogicNets.Diagnostics.Harness;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Cli;

/// <summary>Turns option text into library values, with CLI-worded errors.</summary>
public static class Parsing
{
    public static LearningTask Task(string? name) =>
        string.IsNullOrWhiteSpace(name) ? throw new UsageException($"--task is required; valid forms: {TaskName.ValidForms}") : TaskName.Parse(name);

    public static IReadOnlyList<string> Models(string? list)
    {
        if (string.IsNullOrWhiteSpace(list)) throw new UsageException($"a model is required; valid models: {ModelNames}");
        var names = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return names.Select(n => BuiltInModels.Catalog.Get(n).Name).Distinct().ToArray();
    }

    /// <summary>Refuses, before any work starts, a model that cannot learn the task's kind of targets.</summary>
    public static void RequireLearns(IEnumerable<string> models, LearningTask task)
    {
        foreach (string model in models)
            if (!BuiltInModels.Catalog.Get(model).Learns(task.Kind))
                throw new UsageException($"{model} learns {(task.Kind == TargetKind.Bits ? "real-valued" : "bit")} tasks only; {task.Name} has {(task.Kind == TargetKind.Bits ? "bit" : "real-valued")} targets (try mlp)");
    }

    /// <summary>The task, the one model (able to learn it) and a positive size of a single-run command.</summary>
    public static (LearningTask Task, string Model, int Size) SingleRun(string? taskName, string? modelName, int size)
    {
        var task = Task(taskName);
        string model = Models(modelName).Single();
        RequireLearns([model], task);
        if (size < 1) throw new UsageException($"--size must be >= 1, got {size}");
        return (task, model, size);
    }

    public static string ModelNames => string.Join(", ", BuiltInModels.Catalog.All.Select(m => m.Name).Order());

    public static Shard Shard(string? text) => text is null ? Diagnostics.Harness.Shard.All : Diagnostics.Harness.Shard.Parse(text);

    public static ExistingOutput Existing(bool resume, bool force) => (resume, force) switch
    {
        (true, true) => throw new UsageException("--resume and --force contradict each other; pick one"),
        (true, false) => ExistingOutput.Resume,
        (false, true) => ExistingOutput.Overwrite,
        _ => ExistingOutput.Refuse,
    };
}
