using LogicNets.Harness.Runs;
using LogicNets.Harness.Sweeps;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Suites;

/// <summary>A named purification benchmark: which tasks, learners, sizes and seeds, under which per-run budget.</summary>
public sealed record BenchSuite(string Name, string Description, IReadOnlyList<SuiteEntry> Entries)
{
    /// <summary>
    /// The suite's runs with the learners of <paramref name="catalog"/>, in a fixed order (shards and resume rely on
    /// it). A learner that cannot take an entry's task (bits only on a real-valued task, a task wider than it reads) is skipped there.
    /// </summary>
    public SweepPlan Plan(ModelCatalog catalog, Func<RunSpec, RunSpec>? adjust = null)
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
            var models = (entry.Models ?? catalog.All.Select(m => m.Name)).Where(m => catalog.Get(m).Takes(template.Task)).ToArray();
            plan = plan.Concat(SweepPlan.Grid([template.Task], models, entry.Sizes, entry.Seeds, template));
        }
        return plan;
    }

    /// <summary>The same suite with only these learners (of those each entry runs).</summary>
    public BenchSuite Only(IReadOnlyCollection<string> models) =>
        this with { Entries = Entries.Select(e => e with { Models = (e.Models ?? models).Where(models.Contains).ToArray() }).ToArray() };
}

/// <summary>
/// One block of a suite: a task at one train fraction, run by some learners over a size ladder. <paramref name="Models"/>
/// null means every learner of the catalog the suite is planned with.
/// </summary>
public sealed record SuiteEntry(string Task, double TrainFraction, IReadOnlyList<string>? Models, IReadOnlyList<int> Sizes, int Seeds, TimeSpan TimeBudget,
    int? Epochs = null, int? StepCap = null);
