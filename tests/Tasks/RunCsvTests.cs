using LogicNets.Tasks.Definitions;
using LogicNets.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogicNets.Harness.Runs;
using LogicNets.Tests.Support;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Tasks;

public class RunCsvTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("logicnets-csv-").FullName;

    private static readonly Gen<double?> OptionalScore = Gen.OneOf(Gen.Constant<double?>(null), Generators.UnitInterval.Select(d => (double?)d));

    private static readonly Gen<RunRecord> Records =
        from task in Gen.Elements("add:4", "parity:16:3", "product:-2,2:-6,6", "mix:xor2,and2:d3")
        from model in Gen.Elements("mlp", "gates", "spl")
        from size in Gen.Choose(1, 100000)
        from seed in Gen.Choose(0, 1000)
        from fraction in Generators.Fraction
        from noise in Generators.UnitInterval
        from scores in Gen.ArrayOf(OptionalScore, 7)
        from gates in Gen.OneOf(Gen.Constant<long?>(null), Gen.Choose(0, 1 << 30).Select(g => (long?)g))
        from status in Gen.Elements(Enum.GetValues<RunStatus>())
        from solved in Gen.Elements<bool?>(null, true, false)
        from message in Gen.Elements<string?>(null, "loss became NaN, in epoch 3", "quote \" and, comma", "line\nbreak")
        from depth in Gen.Elements<int?>(null, 1, 3)
        from lr in Gen.Elements<double?>(null, 0.5, 1e-3)
        from budget in Gen.Elements<double?>(null, 45, 0.25)
        from options in Gen.Elements<string?>(null, "adaptive-l2=0.01;protection=true")
        from encoding in Gen.Elements<string?>(null, "01", "pm1")
        select new RunRecord
        {
            Task = task, Model = model, Size = size, Params = size * 3L, Gates = gates, Seed = seed,
            TrainFraction = fraction, Noise = noise, Epochs = seed % 50, WallSeconds = size / 7.0,
            TrainBitAccuracy = scores[0], TestBitAccuracy = scores[1], TestExact = scores[2], BaselineAccuracy = scores[3],
            Gain = scores[4], Mse = scores[5], Status = status, SamplesPerSecond = scores[6], Solved = solved, Message = message,
            TrainRows = gates is null ? null : size, TestRows = seed,
            Depth = depth, LearningRate = lr, TimeBudgetSeconds = budget, Options = options, Encoding = encoding, Batch = depth * 64,
            StepCap = depth is null ? null : 250, Device = encoding is null ? null : "cpu", GroupSum = depth, RepairKicks = depth, MaxEpochs = depth,
        };

    [Property(MaxTest = 50)]
    public Property WrittenRowsReadBackIdentical() =>
        Prop.ForAll(Gen.ListOf(Records).ToArbitrary(), rows =>
        {
            string path = Path.Combine(_dir, $"{Guid.NewGuid():N}.csv");
            RunCsv.Write(path, rows);
            return RunCsv.Read(path).SequenceEqual(rows);
        });

    [Fact]
    public void HeaderHasTheDesignColumnsInOrder()
    {
        string path = Path.Combine(_dir, "h.csv");
        RunCsv.Write(path, [new RunRecord { Task = "add:2", Model = "mlp", Status = RunStatus.Ok }]);
        Assert.Equal(string.Join(",", RunCsv.Columns), File.ReadLines(path).First());
        Assert.StartsWith("task,model,size,params,gates,seed,train_fraction,noise,epochs,wall_s,train_bit_acc,test_bit_acc,test_exact,baseline_acc,gain,mse,status",
            File.ReadLines(path).First());
    }

    [Fact]
    public void FilesFromBeforeTheSettingsColumnsReadAsDefaultSettingsAndSaySo()
    {
        string path = Path.Combine(_dir, "old.csv");
        File.WriteAllText(path, string.Join(",", RunCsv.FirstColumns) + "\n" +
            "add:4,mlp,8,123,,1,0.5,0,10,1.5,1,0.9,0.5,0.5,0.4,,ok,100,False,,128,128,,\n");
        var contents = RunCsv.ReadFile(path);
        Assert.True(contents.PredatesSettings);
        var row = Assert.Single(contents.Rows);
        Assert.Null(row.Depth);
        // Same identity as a run of today with default settings, which is what such a file's runs were.
        var today = new RunSpec { Task = TaskName.Parse("add:4"), Model = "mlp", Size = 8, Seed = 1, TrainFraction = 0.5 }.Identity();
        Assert.Equal(today.Key, row.Key);
    }

    [Fact]
    public void FilesWithOtherColumnsAreRejectedByName()
    {
        string path = Path.Combine(_dir, "other.csv");
        File.WriteAllText(path, "task,model,flavour\nadd:2,mlp,vanilla\n");
        var error = Assert.Throws<UserInputException>(() => RunCsv.Read(path));
        Assert.Contains("flavour", error.Message);
        Assert.Contains("missing columns", error.Message);
    }

    [Fact]
    public void AtomicWriteLeavesNoTempFileBehind()
    {
        string path = Path.Combine(_dir, "a", "runs.csv");
        RunCsv.Write(path, [new RunRecord { Task = "add:2", Model = "mlp", Status = RunStatus.Ok }]);
        Assert.Equal(["runs.csv"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
