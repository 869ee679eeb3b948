using LogicNets.Tasks;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Harness.Sweeps;

/// <summary>An ordered list of runs. The order is part of the contract: shards and resume depend on it.</summary>
public sealed record SweepPlan(IReadOnlyList<RunSpec> Jobs)
{
    /// <summary>The grid task × model × size × seed (seeds 1..seedCount), every run built from <paramref name="template"/>.</summary>
    public static SweepPlan Grid(IEnumerable<LearningTask> tasks, IEnumerable<string> models, IEnumerable<int> sizes, int seedCount, RunSpec template)
    {
        if (seedCount < 1) throw new UserInputException($"seed count must be >= 1, got {seedCount}");
        var jobs =
            from task in tasks
            from model in models
            from size in sizes
            from seed in Enumerable.Range(1, seedCount)
            select template with { Task = task, Model = model, Size = size, Seed = seed };
        return new SweepPlan(jobs.ToArray());
    }

    /// <summary>The same jobs, each changed by <paramref name="change"/> (e.g. per-model options), in the same order.</summary>
    public SweepPlan Select(Func<RunSpec, RunSpec> change) => new(Jobs.Select(change).ToArray());

    public SweepPlan Concat(SweepPlan other) => new(Jobs.Concat(other.Jobs).ToArray());

    /// <summary>The jobs a shard owns, in plan order.</summary>
    public IReadOnlyList<RunSpec> For(Shard shard) => Jobs.Where((_, index) => shard.Owns(index)).ToArray();
}
