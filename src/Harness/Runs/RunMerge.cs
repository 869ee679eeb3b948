
namespace LogicNets.Harness.Runs;

/// <summary>Merges run CSVs (shards of a sweep or suite) into one list of rows, each run once.</summary>
public static class RunMerge
{
    /// <param name="PredatingSettings">Files written before the settings columns existed: their rows were read as runs with default settings.</param>
    /// <param name="MixedDefaults">
    /// Learners whose rows were made with more than one set of option defaults (<see cref="RunRecord.OptionDefaults"/>),
    /// each as <c>model: fingerprint (n runs), …</c>: shards run by builds whose defaults differ.
    /// </param>
    public sealed record Result(IReadOnlyList<RunRecord> Rows, int Duplicates, IReadOnlyList<string> PredatingSettings, IReadOnlyList<string> MixedDefaults);

    /// <summary>
    /// Rows in file order; a run met again (same <see cref="RunRecord.Key"/>: task, model, size, seed and every
    /// setting) is dropped, the first kept. Runs that differ in any setting are different runs and are all kept.
    /// </summary>
    public static Result Merge(IEnumerable<string> files)
    {
        var merged = new List<RunRecord>();
        var seen = new HashSet<RunKey>();
        var old = new List<string>();
        int duplicates = 0;
        foreach (string file in files)
        {
            var contents = RunCsv.ReadFile(file);
            if (contents.PredatesSettings) old.Add(file);
            foreach (var row in contents.Rows)
            {
                if (seen.Add(row.Key)) merged.Add(row);
                else duplicates++;
            }
        }
        var mixed = merged.Where(row => row.OptionDefaults is { Length: > 0 }).GroupBy(row => row.Model)
            .Where(model => model.Select(row => row.OptionDefaults).Distinct().Count() > 1)
            .Select(model => $"{model.Key}: " + string.Join(", ", model.GroupBy(row => row.OptionDefaults).Select(g => $"{g.Key} ({g.Count()} runs)")))
            .ToList();
        return new Result(merged, duplicates, old, mixed);
    }
}
