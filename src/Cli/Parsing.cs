using LogicNets.Harness.Sweeps;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli;

/// <summary>Turns option text into library values, with CLI-worded errors.</summary>
public static class Parsing
{
    public static LearningTask Task(string? name) =>
        string.IsNullOrWhiteSpace(name) ? throw new UsageException($"--task is required; valid forms: {TaskName.ValidForms}") : TaskName.Parse(name);

    public static IReadOnlyList<string> Models(ModelCatalog catalog, string? list)
    {
        if (string.IsNullOrWhiteSpace(list)) throw new UsageException($"a model is required; valid models: {catalog.Names}");
        var names = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return names.Select(n => catalog.Get(n).Name).Distinct().ToArray();
    }

    /// <summary>Refuses, before any work starts, a model that cannot learn the task's kind of targets, naming those that can.</summary>
    public static void RequireLearns(ModelCatalog catalog, IEnumerable<string> models, LearningTask task)
    {
        foreach (string model in models)
            if (!catalog.Get(model).Learns(task.Kind))
                throw new UsageException(
                    $"{model} learns {(task.Kind == TargetKind.Bits ? "real-valued" : "bit")} tasks only; {task.Name} has {(task.Kind == TargetKind.Bits ? "bit" : "real-valued")} targets " +
                    $"(learners of such tasks: {catalog.NamesWith(ModelDescriptor.TraitFor(task.Kind))})");
    }

    /// <summary>The task, the one model (able to learn it) and a positive size of a single-run command.</summary>
    public static (LearningTask Task, ModelDescriptor Model, int Size) SingleRun(ModelCatalog catalog, LearningTask task, string? modelName, int size)
    {
        var models = Models(catalog, modelName);
        if (models.Count != 1) throw new UsageException($"--model takes one learner, got {models.Count}: {string.Join(", ", models)}");
        string model = models[0];
        RequireLearns(catalog, [model], task);
        if (size < 1) throw new UsageException($"--size must be >= 1, got {size}");
        return (task, catalog.Get(model), size);
    }

    public static Shard Shard(string? text) => text is null ? Harness.Sweeps.Shard.All : Harness.Sweeps.Shard.Parse(text);

    public static ExistingOutput Existing(bool resume, bool force) => (resume, force) switch
    {
        (true, true) => throw new UsageException("--resume and --force contradict each other; pick one"),
        (true, false) => ExistingOutput.Resume,
        (false, true) => ExistingOutput.Overwrite,
        _ => ExistingOutput.Refuse,
    };
}
