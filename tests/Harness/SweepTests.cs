using LogicNets.Tasks;
using LogicNets.Harness.Runs;
using LogicNets.Harness.Sweeps;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using LogicNets.Tests.Support;

namespace LogicNets.Tests.Harness;

public class SweepTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("logicnets-sweep-").FullName;
    private readonly SweepRunner _runner = new(new RunExecutor(TestLearner.Catalog));

    private static SweepPlan Plan(int seeds = 2) => SweepPlan.Grid(
        [TaskName.Parse("add:3"), TaskName.Parse("parity:6:2")], ["memo"], [4, 8, 16], seeds,
        new RunSpec { Task = TaskName.Parse("add:3"), Model = "memo", Size = 1, TrainFraction = 0.5 });

    [Fact]
    public void InterruptedSweepResumedHasEveryRunExactlyOnce()
    {
        var plan = Plan();
        string full = Path.Combine(_dir, "full.csv");
        var reference = _runner.Run(plan, full, Shard.All, ExistingOutput.Refuse).Rows;
        Assert.Equal(plan.Jobs.Count, reference.Count);

        string csv = Path.Combine(_dir, "interrupted.csv");
        using var stop = new CancellationTokenSource();
        var interrupted = _runner.Run(plan, csv, Shard.All, ExistingOutput.Refuse, new CancelAfter(5, stop), stop.Token);
        Assert.True(interrupted.Cancelled);
        Assert.Equal(5, RunCsv.Read(csv).Count);

        var resumed = _runner.Run(plan, csv, Shard.All, ExistingOutput.Resume);
        Assert.Equal(5, resumed.Skipped);
        Assert.Equal(plan.Jobs.Count - 5, resumed.Ran);
        var rows = RunCsv.Read(csv);
        Assert.Equal(plan.Jobs.Count, rows.Select(r => r.Key).Distinct().Count());
        Assert.Equal(plan.Jobs.Count, rows.Count);
        Assert.Equal(Scores(reference), Scores(rows));

        // Resuming a finished sweep runs nothing and keeps the file as it is.
        var again = _runner.Run(plan, csv, Shard.All, ExistingOutput.Resume);
        Assert.Equal(0, again.Ran);
        Assert.Equal(rows, RunCsv.Read(csv));
    }

    [Fact]
    public void AResumeRunsCrashedAndFailedRunsAgainAndKeepsEveryOtherResult()
    {
        var plan = Plan(1);
        string csv = Path.Combine(_dir, "crashed.csv");
        var reference = _runner.Run(plan, csv, Shard.All, ExistingOutput.Refuse).Rows;
        var marked = RunCsv.Read(csv).ToList();
        marked[0].Status = RunStatus.Crashed;
        marked[1].Status = RunStatus.Failed;
        marked[2].Status = RunStatus.Budget; // a result: kept
        RunCsv.Write(csv, marked);

        var resumed = _runner.Run(plan, csv, Shard.All, ExistingOutput.Resume);

        Assert.Equal(2, resumed.Ran);
        var rows = RunCsv.Read(csv);
        Assert.Equal(plan.Jobs.Count, rows.Count);
        Assert.Equal([RunStatus.Ok, RunStatus.Ok, RunStatus.Budget], rows.Take(3).Select(row => row.Status));
        reference[2].Status = RunStatus.Budget;
        Assert.Equal(Scores(reference), Scores(rows));
    }

    [Fact]
    public void ExistingOutputIsNeverSilentlyOverwritten()
    {
        string csv = Path.Combine(_dir, "exists.csv");
        _runner.Run(Plan(1), csv, Shard.All, ExistingOutput.Refuse);
        Assert.Throws<OutputExistsException>(() => _runner.Run(Plan(1), csv, Shard.All, ExistingOutput.Refuse));
        var overwritten = _runner.Run(Plan(1), csv, Shard.All, ExistingOutput.Overwrite);
        Assert.Equal(Plan(1).Jobs.Count, overwritten.Ran);
    }

    [Fact]
    public void ShardsPartitionThePlanAndMergeToTheUnshardedRows()
    {
        var plan = Plan();
        var whole = _runner.Run(plan, Path.Combine(_dir, "whole.csv"), Shard.All, ExistingOutput.Refuse).Rows;
        var merged = new List<RunRecord>();
        for (int i = 1; i <= 3; i++)
            merged.AddRange(_runner.Run(plan, Path.Combine(_dir, $"shard{i}.csv"), new Shard(i, 3), ExistingOutput.Refuse).Rows);
        Assert.Equal(whole.Count, merged.Count);
        Assert.Equal(Scores(whole).Order(), Scores(merged).Order());
    }

    [Fact]
    public void SameSpecGivesTheSameNumbers()
    {
        var executor = new RunExecutor(TestLearner.Catalog);
        var spec = new RunSpec { Task = TaskName.Parse("add:4"), Model = "memo", Size = 8, Seed = 3, TrainFraction = 0.5 };
        var a = executor.Execute(spec).Record;
        var b = executor.Execute(spec).Record;
        Assert.Equal(a with { WallSeconds = 0, SamplesPerSecond = null }, b with { WallSeconds = 0, SamplesPerSecond = null });
    }

    [Fact]
    public void BudgetOverrunsAndDivergenceAreStatusesAndTheSweepGoesOn()
    {
        var plan = SweepPlan.Grid([TaskName.Parse("add:2")], ["memo"], [TestLearner.SlowSize, TestLearner.DivergingSize, 4], 1,
            new RunSpec { Task = TaskName.Parse("add:2"), Model = "memo", Size = 1, TrainFraction = 0.5, TimeBudget = TimeSpan.FromMilliseconds(50) });
        var rows = _runner.Run(plan, Path.Combine(_dir, "budget.csv"), Shard.All, ExistingOutput.Refuse).Rows;
        Assert.Equal([RunStatus.Budget, RunStatus.Diverged, RunStatus.Ok], rows.Select(r => r.Status));
        Assert.NotNull(rows[0].TestBitAccuracy); // a run its budget stopped keeps its model and is scored
        Assert.True(rows[0].IsScored);
        Assert.Contains("time budget of 0.05 s", rows[0].Message); // the budget the user gave
        Assert.Null(rows[1].TestBitAccuracy); // a diverged run carries no scores
        Assert.NotNull(rows[2].TestBitAccuracy);
    }

    [Theory]
    [InlineData("16,32,64", new[] { 16, 32, 64 })]
    [InlineData("16..128:x2", new[] { 16, 32, 64, 128 })]
    [InlineData("8..32:+8", new[] { 8, 16, 24, 32 })]
    [InlineData("4, 8..32:x2", new[] { 4, 8, 16, 32 })]
    public void SizeListsParse(string text, int[] expected) => Assert.Equal(expected, SizeList.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("16,,32")]
    [InlineData("0,4")]
    [InlineData("a,b")]
    [InlineData("64..16:x2")]
    [InlineData("16..64:x1")]
    [InlineData("16..64")]
    [InlineData("-4")]
    public void BadSizeListsAreRejected(string text) => Assert.Throws<UserInputException>(() => SizeList.Parse(text));

    [Theory]
    [InlineData("4/3")]
    [InlineData("0/3")]
    [InlineData("1/0")]
    [InlineData("1-3")]
    [InlineData("a/b")]
    public void BadShardsAreRejected(string text) => Assert.Throws<UserInputException>(() => Shard.Parse(text));

    [Theory]
    [InlineData("SLURM_ARRAY_TASK_ID=0,SLURM_ARRAY_TASK_MIN=0,SLURM_ARRAY_TASK_COUNT=4", "auto", 1, 4)]
    [InlineData("SLURM_ARRAY_TASK_ID=4,SLURM_ARRAY_TASK_MIN=1,SLURM_ARRAY_TASK_COUNT=4", "auto", 4, 4)]
    [InlineData("SLURM_ARRAY_TASK_ID=2,SLURM_ARRAY_TASK_MIN=1", "auto/3", 2, 3)]
    [InlineData("JOB_COMPLETION_INDEX=0,LOGICNETS_SHARD_COUNT=8", "auto", 1, 8)]
    [InlineData("JOB_COMPLETION_INDEX=7", "auto/8", 8, 8)]
    public void AutoShardsComeFromTheScheduler(string variables, string text, int index, int count)
    {
        var env = variables.Split(',').Select(pair => pair.Split('=')).ToDictionary(pair => pair[0], pair => pair[1]);
        Assert.Equal(new Shard(index, count), Shard.Parse(text, name => env.GetValueOrDefault(name)));
    }

    [Theory]
    [InlineData("", "found no scheduler index")]
    [InlineData("JOB_COMPLETION_INDEX=2", "LOGICNETS_SHARD_COUNT")]
    [InlineData("JOB_COMPLETION_INDEX=9,LOGICNETS_SHARD_COUNT=4", "outside 1..4")]
    [InlineData("SLURM_ARRAY_TASK_ID=x,SLURM_ARRAY_TASK_COUNT=4", "not a whole number")]
    public void AutoShardsWithoutAUsableSchedulerAreRefused(string variables, string message)
    {
        var env = variables.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=')).ToDictionary(pair => pair[0], pair => pair[1]);
        Assert.Contains(message, Assert.Throws<UserInputException>(() => Shard.Parse("auto", name => env.GetValueOrDefault(name))).Message);
    }

    /// <summary>An options record for the resume test; a second one differs only in a default.</summary>
    public sealed record MemoOptions
    {
        public double Rate { get; init; } = 0.5;
    }

    public sealed record MemoOptionsLater
    {
        public double Rate { get; init; } = 0.25;
    }

    [Fact]
    public void AResumeRefusesRunsMadeWithOtherOptionDefaults()
    {
        var catalog = new ModelCatalog([
            new ModelDescriptor("memo", "test memoriser with options", "any", LearnerTraits.BitTargets, r => new TestLearner(r)) { OptionsType = typeof(MemoOptions) },
        ]);
        var runner = new SweepRunner(new RunExecutor(catalog));
        string csv = Path.Combine(_dir, "defaults.csv");
        var rows = runner.Run(Plan(1), csv, Shard.All, ExistingOutput.Refuse).Rows;
        string fingerprint = LearnerOptionRecord.DefaultsFingerprint(typeof(MemoOptions));
        Assert.All(rows, row => Assert.Equal(fingerprint, row.OptionDefaults));
        Assert.NotEqual(fingerprint, LearnerOptionRecord.DefaultsFingerprint(typeof(MemoOptionsLater)));
        Assert.Equal(0, runner.Run(Plan(1), csv, Shard.All, ExistingOutput.Resume).Ran);
        Assert.Empty(RunMerge.Merge([csv]).MixedDefaults);

        // Two runs made by a build whose defaults differed: not done, and not to be mixed with new ones.
        var changed = RunCsv.Read(csv);
        changed[0].OptionDefaults = changed[1].OptionDefaults = "00000000";
        RunCsv.Write(csv, changed);
        var error = Assert.Throws<UserInputException>(() => runner.Run(Plan(1), csv, Shard.All, ExistingOutput.Resume));
        Assert.Contains("2 memo runs (defaults 00000000 there, " + fingerprint, error.Message);
        // A merge (report) keeps them but says that one learner's rows come from builds with different defaults.
        Assert.Equal($"memo: 00000000 (2 runs), {fingerprint} ({changed.Count - 2} runs)", Assert.Single(RunMerge.Merge([csv]).MixedDefaults));

        // Rows written before the fingerprint was recorded cannot be checked; they are kept as done.
        foreach (var row in changed) row.OptionDefaults = null;
        RunCsv.Write(csv, changed);
        Assert.Equal(0, runner.Run(Plan(1), csv, Shard.All, ExistingOutput.Resume).Ran);
    }

    private static IEnumerable<string> Scores(IEnumerable<RunRecord> rows) =>
        rows.Select(r => $"{r.Key}|{r.TestBitAccuracy}|{r.TestExact}|{r.Gain}|{r.Status}");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class CancelAfter(int runs, CancellationTokenSource source) : ISweepObserver
    {
        public void SweepStarted(int toRun, int alreadyDone) { }

        public void RunStarted(int position, int toRun, RunSpec spec) { }

        public void EpochFinished(RunSpec spec, FitProgress progress) { }

        public void RunFinished(int position, int toRun, RunRecord record)
        {
            if (position == runs) source.Cancel();
        }
    }
}
