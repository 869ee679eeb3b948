using System.Diagnostics;
using LogicNets.Cli;
using LogicNets.Harness.Runs;
using LogicNets.Harness.Sweeps;
using LogicNets.Harness.Workers;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Harness;

/// <summary>Runs in worker processes: a worker killed with SIGKILL in the middle of a run costs that run alone.</summary>
[Collection("worker processes")] // WorkerProcess.Started is static: these tests must not see each other's workers
public class WorkerIsolationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("logicnets-workers-").FullName;

    /// <summary>Three mlp runs long enough (hundreds of epochs) to be killed in the middle.</summary>
    private static SweepPlan Plan() => SweepPlan.Grid([TaskName.Parse("add:3")], ["mlp"], [8], 3,
        new RunSpec { Task = TaskName.Parse("add:3"), Model = "mlp", Size = 8, TrainFraction = 1, Epochs = 400 });

    [Fact]
    public void AWorkerKilledOnceIsRetriedAndEveryOtherRunCompletes()
    {
        var rows = RunKillingSeed2(killsWanted: 1, jobs: 1);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal(RunStatus.Ok, row.Status));
        var retried = rows.Single(row => row.Seed == 2);
        Assert.Contains("retried: the first worker died: killed by signal 9 (SIGKILL", retried.Message);
        Assert.All(rows.Where(row => row.Seed != 2), row => Assert.Null(row.Message));
        // The retry is seeded: its numbers are those of an undisturbed run.
        var clean = new RunExecutor(LogicNets.Harness.Registry.BuiltInModels.Catalog).Execute(Plan().Jobs[1]);
        clean.Learner.Dispose();
        Assert.Equal(clean.Record.TestBitAccuracy, retried.TestBitAccuracy);
    }

    [Fact]
    public void AWorkerKilledTwiceIsRecordedAsCrashedAndTheSweepGoesOn()
    {
        var rows = RunKillingSeed2(killsWanted: 2, jobs: 2);
        Assert.Equal(3, rows.Count);
        var crashed = rows.Single(row => row.Seed == 2);
        Assert.Equal(RunStatus.Crashed, crashed.Status);
        Assert.Contains("the worker died twice", crashed.Message);
        Assert.Contains("signal 9", crashed.Message);
        Assert.Null(crashed.TestBitAccuracy);
        Assert.All(rows.Where(row => row.Seed != 2), row => Assert.Equal(RunStatus.Ok, row.Status));
        Assert.Equal([1, 2, 3], rows.Select(row => row.Seed)); // plan order, whatever order the lanes finished in
    }

    [Fact]
    public void TheNumbersDoNotDependOnJobsOrIsolation()
    {
        var plan = SweepPlan.Grid([TaskName.Parse("add:3")], ["mlp", "gates"], [8, 16], 2,
            new RunSpec { Task = TaskName.Parse("add:3"), Model = "mlp", Size = 8, TrainFraction = 0.5, Epochs = 60 });
        List<RunRecord> Rows(SweepRunner runner, string name)
        {
            runner.Run(plan, Path.Combine(_dir, name), Shard.All, ExistingOutput.Refuse);
            return RunCsv.Read(Path.Combine(_dir, name)).Select(row => row with { WallSeconds = 0, SamplesPerSecond = null }).ToList();
        }
        var inProcess = Rows(new SweepRunner(new RunExecutor(LogicNets.Harness.Registry.BuiltInModels.Catalog)), "inline.csv");
        var one = Rows(new SweepRunner(() => new IsolatedLauncher(RunIsolationOptions.ThisProgram()), 1), "jobs1.csv");
        var two = Rows(new SweepRunner(() => new IsolatedLauncher(RunIsolationOptions.ThisProgram() with { Cores = 1 }), 2), "jobs2.csv");
        Assert.Equal(inProcess, one);
        Assert.Equal(inProcess, two);
    }

    private List<RunRecord> RunKillingSeed2(int killsWanted, int jobs)
    {
        var workers = new Dictionary<int, int>(); // managed thread of the lane → its current worker's pid
        void OnStarted(int pid) { lock (workers) workers[Environment.CurrentManagedThreadId] = pid; }
        WorkerProcess.Started += OnStarted;
        try
        {
            var observer = new KillOnEpoch(seed: 2, epoch: 20, killsWanted, () => { lock (workers) return workers[Environment.CurrentManagedThreadId]; });
            var runner = new SweepRunner(() => new IsolatedLauncher(RunIsolationOptions.ThisProgram()), jobs);
            string csv = Path.Combine(_dir, $"kill{killsWanted}.csv");
            runner.Run(Plan(), csv, Shard.All, ExistingOutput.Refuse, observer);
            Assert.Equal(killsWanted, observer.Kills);
            return RunCsv.Read(csv);
        }
        finally
        {
            WorkerProcess.Started -= OnStarted;
        }
    }

    /// <summary>Sends SIGKILL to the worker running <c>seed</c> when it reports <c>epoch</c>, up to <c>killsWanted</c> times.</summary>
    private sealed class KillOnEpoch(int seed, int epoch, int killsWanted, Func<int> currentWorker) : ISweepObserver
    {
        public int Kills { get; private set; }

        public void SweepStarted(int toRun, int alreadyDone) { }

        public void RunStarted(int position, int toRun, RunSpec spec) { }

        public void EpochFinished(RunSpec spec, FitProgress progress)
        {
            if (spec.Seed != seed || progress.Epoch != epoch || Kills >= killsWanted) return;
            Kills++;
            using var worker = Process.GetProcessById(currentWorker());
            worker.Kill(); // SIGKILL on Unix
        }

        public void RunFinished(int position, int toRun, RunRecord record) { }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
