using LogicNets.Harness.Runs;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Sweeps;

/// <summary>
/// Runs a plan's jobs for one shard into a CSV. The file is rewritten atomically after every run, so a killed sweep
/// loses at most the run in flight, and <see cref="ExistingOutput.Resume"/> skips every job already present.
/// </summary>
public sealed class SweepRunner(RunExecutor executor)
{
    public sealed record Result(IReadOnlyList<RunRecord> Rows, int Ran, int Skipped, bool Cancelled);

    public Result Run(SweepPlan plan, string csvPath, Shard shard, ExistingOutput existing, ISweepObserver? observer = null, CancellationToken cancellation = default)
    {
        observer ??= SilentSweepObserver.Instance;
        var rows = LoadExisting(csvPath, existing);
        var done = rows.Select(r => r.Key).ToHashSet();
        var todo = shard == Shard.All ? plan.Jobs : plan.For(shard);
        var pending = todo.Where(job => !done.Contains(job.Key)).ToArray();
        observer.SweepStarted(pending.Length, todo.Count - pending.Length);
        if (rows.Count == 0) RunCsv.Write(csvPath, rows); // an empty file with the header marks the sweep as started

        int ran = 0;
        for (int i = 0; i < pending.Length; i++)
        {
            if (cancellation.IsCancellationRequested) return new Result(rows, ran, todo.Count - pending.Length, true);
            var spec = pending[i];
            observer.RunStarted(i + 1, pending.Length, spec);
            var progress = new EpochRelay(spec, observer);
            var outcome = executor.Execute(spec, progress, cancellation);
            outcome.Learner.Dispose();
            // A cancelled run is not a result: leave it out so --resume runs it again.
            if (outcome.Record.Status == RunStatus.Cancelled) return new Result(rows, ran, todo.Count - pending.Length, true);
            rows.Add(outcome.Record);
            RunCsv.Write(csvPath, rows);
            ran++;
            observer.RunFinished(i + 1, pending.Length, outcome.Record);
        }
        return new Result(rows, ran, todo.Count - pending.Length, false);
    }

    private static List<RunRecord> LoadExisting(string csvPath, ExistingOutput existing)
    {
        if (!File.Exists(csvPath) || existing == ExistingOutput.Overwrite) return [];
        if (existing == ExistingOutput.Refuse) throw new OutputExistsException(csvPath);
        return RunMerge.Merge([csvPath]).Rows.ToList();
    }
}
