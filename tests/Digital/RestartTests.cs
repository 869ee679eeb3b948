using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;
using LogicNets.Digital.Learners;
using LogicNets.Tasks;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Digital;

/// <summary>--restarts: fresh starts until a circuit fits the training rows; the best start is kept and counted.</summary>
public class RestartTests
{
    /// <summary>Learns XOR of two inputs only on the start given by <see cref="LuckyStart"/>; AND (3 of 4 rows) on odd starts, constant 0 (2 of 4) on the others.</summary>
    private sealed class LuckyLearner(int luckyStart) : CircuitLearner("lucky", new LearnerRequest(new LearnerShape(2, 1, TargetKind.Bits), 1, new ModelSettings()), "none")
    {
        public List<int> Seeds { get; } = [];

        public int LuckyStart => luckyStart;

        public override long? ParameterCount => 1;

        protected override (FitReport, HardCircuit?) Train(Dataset train, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation)
        {
            Seeds.Add(options.Seed);
            int start = Seeds.Count;
            var op = start == luckyStart ? GateOp.Xor : start % 2 == 1 ? GateOp.Or : GateOp.False;
            return (new FitReport(RunStatus.Ok, 1, 0, train.Rows), new HardCircuit(2, [new Gate(op, 0, 1)], [2]));
        }
    }

    private static readonly Dataset Xor = new(4, 2, 1, [0, 0, 1, 0, 0, 1, 1, 1], [0, 1, 1, 0], TargetKind.Bits);

    [Fact]
    public void RestartsStopAtTheFirstStartThatFitsAndCountTheStarts()
    {
        using var learner = new LuckyLearner(luckyStart: 3);
        var report = learner.Fit(Xor, new FitOptions { Seed = 5, Restarts = 8 });
        Assert.Equal(3, report.Starts);
        Assert.Equal(GateOp.Xor, learner.Circuit!.Gates.Single(g => g.Op is not (GateOp.A or GateOp.B)).Op);
        Assert.Contains("3 start(s)", report.Message);
        Assert.Equal(3, learner.Seeds.Distinct().Count()); // each start draws its own initialisation
        Assert.Equal(5, learner.Seeds[0]); // the first start is the run's own seed: restarts never change a lucky first start
    }

    [Fact]
    public void WhenNoStartFitsTheBestOneIsKept()
    {
        using var learner = new LuckyLearner(luckyStart: 99);
        var report = learner.Fit(Xor, new FitOptions { Seed = 1, Restarts = 3 });
        Assert.Equal(4, report.Starts);
        Assert.Contains("fits 0.75 of the training bits", report.Message);
        Assert.Equal(0.75, BitAccuracy(learner));
    }

    [Fact]
    public void AutoRestartsAreCappedWithoutABudgetAndNoRestartsMeansOneStart()
    {
        using var auto = new LuckyLearner(luckyStart: 99);
        Assert.Equal(FitOptions.AutoRestartCap + 1, auto.Fit(Xor, new FitOptions { Restarts = FitOptions.AutoRestarts }).Starts);
        using var once = new LuckyLearner(luckyStart: 2);
        var report = once.Fit(Xor, new FitOptions());
        Assert.Null(report.Starts); // no restarts asked: the row's starts column stays empty
        Assert.Null(report.Message);
        Assert.Throws<UserInputException>(() => once.Fit(Xor, new FitOptions { Restarts = -5 }));
    }

    private static double BitAccuracy(ILearner learner)
    {
        var predictions = learner.Predict(Xor);
        return predictions.Zip(Xor.Targets).Count(p => p.First == p.Second) / 4.0;
    }
}
