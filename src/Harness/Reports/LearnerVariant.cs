using LogicNets.Harness.Runs;

namespace LogicNets.Harness.Reports;

/// <summary>
/// How reports tell runs of one learner with different settings apart. Within a report section (task, train
/// fraction, noise) the settings every run shares are said once (<see cref="SharedSettings"/>); a learner's line
/// or curve is labelled with the rest: <c>gates [depth=3]</c>.
/// </summary>
public static class LearnerVariant
{
    /// <summary>The (column, value) settings that every run of the section has.</summary>
    public static IReadOnlyList<(string Name, string Value)> SharedSettings(IEnumerable<RunRecord> section)
    {
        IEnumerable<(string, string)>? shared = null;
        foreach (var row in section) shared = shared is null ? RunConfig.Settings(row) : shared.Intersect(RunConfig.Settings(row));
        return shared?.ToList() ?? [];
    }

    /// <summary>The model name, with the settings that set this run apart from the section in brackets.</summary>
    public static string Label(RunRecord row, IReadOnlyList<(string Name, string Value)> shared)
    {
        string own = RunConfig.Describe(RunConfig.Settings(row).Except(shared));
        return own.Length == 0 ? row.Model : $"{row.Model} [{own}]";
    }
}
