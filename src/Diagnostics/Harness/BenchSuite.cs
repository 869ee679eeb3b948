using LogicNets.Tasks.Definitions;

namespace LogicNets.Diagnostics.Harness;

/// <summary>A named purification benchmark: which tasks, learners, sizes and seeds, under which per-run budget.</summary>
public sealed record BenchSuite(string Name, string Description, IReadOnlyList<SuiteEntry> Entries)
{
    /// <summary>The suite's runs, in a fixed order (shards and resume rely on it).</summary>
    public SweepPlan Plan(Func<RunSpec, RunSpec>? adjust = null)
    {
        var plan = new SweepPlan([]);
        foreach (var entry in Entries)
        {
            var template = new RunSpec
            {
                Task = TaskName.Parse(entry.Task),
                Model = "",
                Size = 1,
                TrainFraction = entry.TrainFraction,
                Epochs = entry.Epochs,
                StepCap = entry.StepCap,
                TimeBudget = entry.TimeBudget,
            };
            if (adjust is not null) template = adjust(template);
            // A learner of bits only has nothing to say about a real-valued task (and vice versa): skip, don't fail.
            var models = entry.Models.Where(m => BuiltInModels.Catalog.Get(m).Learns(template.Task.Kind)).ToArray();
            plan = plan.Concat(SweepPlan.Grid([template.Task], models, entry.Sizes, entry.Seeds, template));
        }
        return plan;
    }
}

/// <summary>One block of a suite: a task at one train fraction, run by some learners over a size ladder.</summary>
public sealed record SuiteEntry(string Task, double TrainFraction, IReadOnlyList<string> Models, IReadOnlyList<int> Sizes, int Seeds, TimeSpan TimeBudget, int? Epochs = null, int? StepCap = null);
