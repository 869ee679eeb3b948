
namespace LogicNets.Harness.Runs;

/// <summary>Merges run CSVs (shards of a sweep or suite) into one list of rows, each run once.</summary>
public static class RunMerge
{
    public sealed record Result(IReadOnlyList<RunRecord> Rows, int Duplicates);

    /// <summary>Rows in file order; a run met again (same <see cref="RunRecord.Key"/>) is dropped, the first kept.</summary>
    public static Result Merge(IEnumerable<string> files)
    {
        var merged = new List<RunRecord>();
        var seen = new HashSet<RunKey>();
        int duplicates = 0;
        foreach (string file in files)
            foreach (var row in RunCsv.Read(file))
            {
                if (seen.Add(row.Key)) merged.Add(row);
                else duplicates++;
            }
        return new Result(merged, duplicates);
    }
}
