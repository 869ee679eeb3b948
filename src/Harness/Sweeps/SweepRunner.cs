using LogicNets.Harness.Runs;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Sweeps;

/// <summary>
/// Runs a plan's jobs for one shard into a CSV, <c>jobs</c> at a time, each on a launcher of its own (a worker
/// process, or this process). The file is rewritten atomically after every run, its rows in plan order whatever
/// order the runs finish in, so a killed sweep loses at most the runs in flight, and
/// <see cref="ExistingOutput.Resume"/> skips every job already present with a result (a crashed or failed one runs again).
/// </summary>
public sealed class SweepRunner
{
    private readonly Func<IRunLauncher> _newLauncher;
    private readonly int _jobs;
    private readonly ModelCatalog? _catalog;

    /// <summary>Runs in this process, one at a time.</summary>
    public SweepRunner(RunExecutor executor) : this(() => new InProcessLauncher(executor), 1, executor.Catalog) { }

    /// <param name="newLauncher">Makes the launcher of one lane (each lane runs its jobs one after another).</param>
    /// <param name="jobs">Runs at once.</param>
    /// <param name="catalog">The learners the runs use: with it a resume refuses runs made with other option defaults.</param>
    public SweepRunner(Func<IRunLauncher> newLauncher, int jobs, ModelCatalog? catalog = null)
    {
        if (jobs < 1) throw new LogicNets.Tasks.UserInputException($"jobs must be >= 1, got {jobs}");
        _newLauncher = newLauncher;
        _jobs = jobs;
        _catalog = catalog;
    }

    public sealed record Result(IReadOnlyList<RunRecord> Rows, int Ran, int Skipped, bool Cancelled);

    public Result Run(SweepPlan plan, string csvPath, Shard shard, ExistingOutput existing, ISweepObserver? observer = null, CancellationToken cancellation = default)
    {
        var watcher = new LockedObserver(observer ?? SilentSweepObserver.Instance);
        var rows = LoadExisting(csvPath, existing);
        var todo = shard == Shard.All ? plan.Jobs : plan.For(shard);
        // A planned run that crashed or failed left no result: resuming runs it again (the out-of-memory killer or a
        // flaky native library is a matter of the machine as often as of the run).
        var planned = todo.Select(job => job.Key).ToHashSet();
        rows.RemoveAll(row => row.Status is RunStatus.Crashed or RunStatus.Failed && planned.Contains(row.Key));
        if (_catalog is not null) RefuseOtherDefaults(csvPath, rows, planned, _catalog);
        var done = rows.Select(r => r.Key).ToHashSet();
        var pending = todo.Where(job => !done.Contains(job.Key)).ToArray();
        int skipped = todo.Count - pending.Length;
        watcher.SweepStarted(pending.Length, skipped);
        if (rows.Count == 0) RunCsv.Write(csvPath, rows); // an empty file with the header marks the sweep as started

        var order = new Dictionary<RunKey, int>();
        for (int i = 0; i < plan.Jobs.Count; i++) order.TryAdd(plan.Jobs[i].Key, i);
        var gate = new object();
        int next = 0, ran = 0;
        bool cancelled = false;
        Exception? refused = null;

        void Lane()
        {
            using var launcher = _newLauncher();
            while (true)
            {
                int index;
                lock (gate)
                {
                    if (cancelled || refused is not null || cancellation.IsCancellationRequested || next >= pending.Length) return;
                    index = next++;
                }
                var spec = pending[index];
                watcher.RunStarted(index + 1, pending.Length, spec);
                RunRecord record;
                try { record = launcher.Run(spec, new EpochRelay(spec, watcher), cancellation); }
                catch (Exception e)
                {
                    lock (gate) refused ??= e;
                    return;
                }
                lock (gate)
                {
                    // A cancelled run is not a result: leave it out so --resume runs it again.
                    if (record.Status == RunStatus.Cancelled) { cancelled = true; return; }
                    rows.Add(record);
                    var sorted = rows.OrderBy(Position).ToList(); // stable: rows from outside the plan keep their order, last
                    rows.Clear();
                    rows.AddRange(sorted);
                    RunCsv.Write(csvPath, rows);
                    ran++;
                    watcher.RunFinished(ran, pending.Length, record);
                }
            }
        }

        int Position(RunRecord row) => order.TryGetValue(row.Key, out int i) ? i : int.MaxValue;

        var lanes = Enumerable.Range(0, Math.Min(_jobs, Math.Max(1, pending.Length))).Select(_ => Task.Factory.StartNew(Lane, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(lanes);
        if (refused is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(refused).Throw();
        return new Result(rows, ran, skipped, cancelled || (cancellation.IsCancellationRequested && ran < pending.Length));
    }

    private static List<RunRecord> LoadExisting(string csvPath, ExistingOutput existing)
    {
        if (!File.Exists(csvPath) || existing == ExistingOutput.Overwrite) return [];
        if (existing == ExistingOutput.Refuse) throw new OutputExistsException(csvPath);
        var contents = RunCsv.ReadFile(csvPath);
        // Its rows cannot say which settings produced them: resuming would mix them with runs that can.
        if (contents.PredatesSettings)
            throw new LogicNets.Tasks.UserInputException(
                $"'{csvPath}' was written by an older LogicNets without the settings columns ({string.Join(",", RunCsv.SettingsColumns)}), " +
                "so its runs cannot be matched to this sweep's settings; write to a new --out (report can still read it)");
        return contents.Rows;
    }

    /// <summary>
    /// A run already in the file counts as done only if this build's learner would run it with the same option defaults:
    /// a changed default changes the numbers while the settings (and so the run's identity) read alike. Rows without the
    /// fingerprint (written before it was recorded) cannot be checked and are kept.
    /// </summary>
    private static void RefuseOtherDefaults(string csvPath, IReadOnlyList<RunRecord> rows, IReadOnlySet<RunKey> planned, ModelCatalog catalog)
    {
        var checkable = rows.Where(row => row.OptionDefaults is { Length: > 0 } && planned.Contains(row.Key)).ToList();
        var current = checkable.Select(row => row.Model).Distinct().ToDictionary(model => model, model => catalog.Get(model).OptionDefaults);
        var stale = checkable
            .Where(row => current[row.Model] is { } now && now != row.OptionDefaults)
            .GroupBy(row => (row.Model, Then: row.OptionDefaults!, Now: current[row.Model]))
            .Select(group => $"{group.Count()} {group.Key.Model} run{(group.Count() == 1 ? "" : "s")} (defaults {group.Key.Then} there, {group.Key.Now} in this build)")
            .ToList();
        if (stale.Count > 0)
            throw new LogicNets.Tasks.UserInputException(
                $"'{csvPath}' holds runs made with other learner option defaults than this build's: {string.Join("; ", stale)}; " +
                "their numbers would not match new runs — write to a new --out, or pass --force to start over");
    }

    /// <summary>Lanes report from their own threads; the observer (a console display) sees one call at a time.</summary>
    private sealed class LockedObserver(ISweepObserver inner) : ISweepObserver
    {
        public void SweepStarted(int toRun, int alreadyDone) { lock (this) inner.SweepStarted(toRun, alreadyDone); }

        public void RunStarted(int position, int toRun, RunSpec spec) { lock (this) inner.RunStarted(position, toRun, spec); }

        public void EpochFinished(RunSpec spec, FitProgress progress) { lock (this) inner.EpochFinished(spec, progress); }

        public void RunFinished(int position, int toRun, RunRecord record) { lock (this) inner.RunFinished(position, toRun, record); }
    }
}
