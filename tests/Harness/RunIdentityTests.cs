using LogicNets.Harness.Runs;
using LogicNets.Harness.Sweeps;
using LogicNets.Tasks;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using LogicNets.Tests.Support;

namespace LogicNets.Tests.Harness;

/// <summary>A run is everything that can change its numbers: settings are columns, and runs that differ in one are different runs.</summary>
public class RunIdentityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("logicnets-identity-").FullName;
    private readonly SweepRunner _runner = new(new RunExecutor(TestLearner.Catalog));

    private static SweepPlan Plan(ModelSettings settings) => SweepPlan.Grid([TaskName.Parse("parity:8:2")], ["memo"], [2, 4, 8, 16], 1,
        new RunSpec { Task = TaskName.Parse("parity:8:2"), Model = "memo", Size = 1, TrainFraction = 0.5, Settings = settings });

    [Fact]
    public void SweepsThatDifferInDepthAreDifferentRunsForMergeAndResume()
    {
        string d1 = Path.Combine(_dir, "d1.csv"), d3 = Path.Combine(_dir, "d3.csv");
        _runner.Run(Plan(new ModelSettings { Depth = 1 }), d1, Shard.All, ExistingOutput.Refuse);
        _runner.Run(Plan(new ModelSettings { Depth = 3 }), d3, Shard.All, ExistingOutput.Refuse);
        var merged = RunMerge.Merge([d1, d3]);
        Assert.Equal(8, merged.Rows.Count);
        Assert.Equal(0, merged.Duplicates);
        Assert.Equal([1, 3], merged.Rows.Select(r => r.Depth!.Value).Distinct().Order());

        // Resuming d1 with other settings runs the new runs and keeps the old ones.
        var resumed = _runner.Run(Plan(new ModelSettings { Depth = 3, LearningRate = 0.5 }), d1, Shard.All, ExistingOutput.Resume);
        Assert.Equal(4, resumed.Ran);
        Assert.Equal(0, resumed.Skipped);
        Assert.Equal(8, RunCsv.Read(d1).Count);
        // The same settings again: nothing to do.
        Assert.Equal(0, _runner.Run(Plan(new ModelSettings { Depth = 1 }), d1, Shard.All, ExistingOutput.Resume).Ran);
    }

    [Fact]
    public void EverySettingChangesTheConfigAndDefaultsHashAlike()
    {
        var spec = new RunSpec { Task = TaskName.Parse("add:4"), Model = "mlp", Size = 8, TrainFraction = 0.5 };
        var variants = new[]
        {
            spec, spec with { Epochs = 5 }, spec with { StepCap = 250 }, spec with { Encoding = InputEncoding.PlusMinusOne },
            spec with { TimeBudget = TimeSpan.FromSeconds(45) }, spec with { TrainFraction = 0.25 }, spec with { Noise = 0.1 },
            spec with { Settings = new ModelSettings { Depth = 3 } }, spec with { Settings = new ModelSettings { LearningRate = 0.1 } },
            spec with { Settings = new ModelSettings { BatchSize = 64 } }, spec with { Settings = new ModelSettings { Device = "cuda" } },
            spec with { Settings = new ModelSettings { OutputGroup = 3 } }, spec with { Settings = new ModelSettings { RepairKicks = 10 } },
            spec with { Settings = new ModelSettings { Options = "adaptive-l2=0.01" } }, spec with { Settings = new ModelSettings { Threads = 2 } },
        };
        Assert.Equal(variants.Length, variants.Select(v => v.Key.Config).Distinct().Count());
        // Stable across versions and machines: a literal, not just "some hash".
        Assert.Equal("train_fraction=0.5;noise=0;encoding=pm1", RunConfig.Text((spec with { Encoding = InputEncoding.PlusMinusOne }).Identity()));
        Assert.Equal(12, spec.Key.Config.Length);
        Assert.Equal(spec.Key, (spec with { Settings = new ModelSettings { Device = "cpu" } }).Key);
    }

    [Theory]
    [InlineData("noisy-xor")]
    [InlineData("product")]
    public void TasksWithTheirOwnSplitRecordOneTrainFractionWhicheverCommandRanThem(string task)
    {
        var bench = new RunSpec { Task = TaskName.Parse(task), Model = "mlp", Size = 8, TrainFraction = 1 };
        var sweep = bench with { TrainFraction = 0.5 };
        Assert.Equal(bench.Key, sweep.Key);
        Assert.Equal(1.0, sweep.Identity().TrainFraction);
    }

    [Fact]
    public void LearnerOptionsAreValidatedCanonicalAndBound()
    {
        var spl = LogicNets.Harness.Registry.BuiltInModels.Catalog.Get("spl");
        Assert.Equal("adaptive-l2=0.01;protection=true",
            spl.CanonicalOptions([new("Protection", "TRUE"), new("adaptive-l2", "1e-2")]));
        var bound = LearnerOptionRecord.Bind<LogicNets.Continuous.Spl.SplOptions>("adaptive-l2=0.01;temperature=rises-with-accuracy", "spl");
        Assert.Equal(0.01, bound.AdaptiveL2);
        Assert.Equal(LogicNets.Continuous.Spl.TemperatureDirection.RisesWithAccuracy, bound.Temperature);
        Assert.Equal(0.1, bound.GateTargetScale); // untouched: the record's default
        var unknown = Assert.Throws<UserInputException>(() => spl.CanonicalOptions([new("warp", "9")]));
        Assert.Contains("adaptive-l2", unknown.Message); // names the valid keys
        Assert.Throws<UserInputException>(() => spl.CanonicalOptions([new("protection", "maybe")]));
        Assert.Throws<UserInputException>(() => LogicNets.Harness.Registry.BuiltInModels.Catalog.Get("mlp").CanonicalOptions([new("protection", "true")]));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
