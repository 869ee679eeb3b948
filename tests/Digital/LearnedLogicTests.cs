using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Digital.Learners;
using LogicNets.Digital.Networks;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using LogicNets.Tests.Support;

namespace LogicNets.Tests.Digital;

/// <summary>Property tests of learned logic: train once, then check the hard circuit against the rule on many inputs.</summary>
public class LearnedLogicTests
{
    /// <summary>
    /// A cell learned on the full add:4 table with seed 5, size 16, batch 64 (its first start fits; with restarts,
    /// the default, seeds 1–6 all fit within 9 starts at batch 32 or 64 when this was written); the property is about
    /// what a learned cell computes, at a width it never saw.
    /// </summary>
    private static readonly Lazy<HardCircuit> AdderCell = new(() =>
    {
        var task = TaskName.Parse("add:4");
        var data = TaskDataFactory.Create(task, new SplitOptions { Seed = 5, TrainFraction = 1 });
        using var learner = new SerialGateLearner(new LearnerRequest(LearnerShape.Of(task), 16, new ModelSettings { BatchSize = 64 }));
        var report = learner.Fit(data.Train, new FitOptions { Seed = 5 });
        Assert.Equal(RunStatus.Ok, report.Status);
        Assert.NotNull(report.Starts); // gates-serial restarts by default, and says how many starts it took
        return learner.CellCircuit!;
    });

    private static readonly Lazy<CompiledCircuit> Adder64 = new(() => new CompiledCircuit(SerialGateCell.Unroll(AdderCell.Value, 128, 65)));

    [Property(MaxTest = 200)]
    public Property SerialCellLearnedOnAdd4AddsRandom64BitOperands() =>
        Prop.ForAll(
            (from a in Generators.Word(64) from b in Generators.Word(64) select (a, b)).ToArbitrary(),
            c =>
            {
                var inputs = new PackedBits(128, 1);
                for (int i = 0; i < 64; i++)
                {
                    inputs.Set(i, 0, ((c.a >> i) & 1) != 0);
                    inputs.Set(64 + i, 0, ((c.b >> i) & 1) != 0);
                }
                var sum = new SimdEvaluator().Evaluate(Adder64.Value, inputs);
                UInt128 result = 0;
                for (int o = 0; o < 65; o++) if (sum.Get(o, 0)) result |= UInt128.One << o;
                return result == c.a + c.b;
            });

    [Fact]
    public void SerialCellIsSmallAndUnrollsLinearly()
    {
        var cell = AdderCell.Value;
        Assert.Equal(3, cell.InputCount);
        Assert.Equal(2, cell.Outputs.Count);
        Assert.True(Adder64.Value.GateCount <= 65 * cell.Gates.Count + 1);
    }

    /// <summary>
    /// The full add:3 table, 300 relaxed steps, then the iterated local search with up to 1000 kicks (seed 3; seeds 1
    /// and 3 reached an exact adder when this was written, seed 2 stopped at 56 of 64 rows within 20 s).
    /// </summary>
    [Fact]
    public void WiredGatesTrainedOnTheFullAdd3TableComputeAPlusBForEveryInput()
    {
        var task = TaskName.Parse("add:3");
        var data = TaskDataFactory.Create(task, new SplitOptions { Seed = 3, TrainFraction = 1 });
        var settings = new ModelSettings { Depth = 3, RepairKicks = 1000 };
        using var learner = new GateNetLearner(new LearnerRequest(LearnerShape.Of(task), 16, settings), Wiring.Learnable);
        Assert.Equal(RunStatus.Ok, learner.Fit(data.Train, new FitOptions { Seed = 3, Epochs = 300 }).Status);
        var adder = new CompiledCircuit(learner.Circuit!);
        var inputs = new PackedBits(6, 64);
        for (int row = 0; row < 64; row++)
            for (int bit = 0; bit < 6; bit++) inputs.Set(bit, row, ((row >> bit) & 1) != 0);
        var sums = new SimdEvaluator().Evaluate(adder, inputs);
        for (int row = 0; row < 64; row++)
        {
            int a = row & 7, b = row >> 3, sum = 0;
            for (int bit = 0; bit < 4; bit++) if (sums.Get(bit, row)) sum |= 1 << bit;
            Assert.True(sum == a + b, $"{a} + {b}: the circuit says {sum}");
        }
    }

    [Fact]
    public void WiredGatesLearnNoisyXorAsTheExactXorOfTheTwoHiddenBits()
    {
        var task = new NoisyXorTask();
        var data = TaskDataFactory.Create(task, new SplitOptions { Seed = 1 });
        using var learner = new GateNetLearner(new LearnerRequest(LearnerShape.Of(task), 16, new ModelSettings { Depth = 2 }), Wiring.Learnable);
        Assert.Equal(RunStatus.Ok, learner.Fit(data.Train, new FitOptions { Seed = 1 }).Status);
        var all = TaskDataFactory.Sample(task, 4096, seed: 0); // the whole 12-bit table, clean labels
        Assert.Equal(4096, all.Rows);
        Assert.Equal(all.Targets, learner.Predict(all));
    }

    /// <summary>
    /// gates-conv, size 4 at its default depth (10), seed 1, on half of the add:4 table: its first start fits, and the
    /// circuit adds the other half too. (Seeds 2 and 3 did not fit within 10 starts when this was written: small tables
    /// are hard for it, see docs/evaluations/gate-learners.)
    /// </summary>
    [Fact]
    public void ConvGatesTrainedOnHalfTheAdd4TableAddEveryPair()
    {
        var task = TaskName.Parse("add:4");
        var data = TaskDataFactory.Create(task, new SplitOptions { Seed = 1, TrainFraction = 0.5 });
        using var learner = new ConvGateLearner(new LearnerRequest(LearnerShape.Of(task), 4, new ModelSettings()));
        Assert.Equal(10, learner.Depth);
        var report = learner.Fit(data.Train, new FitOptions { Seed = 1 });
        Assert.Equal(RunStatus.Ok, report.Status);
        Assert.Equal(1, report.Starts);
        var all = TaskDataFactory.Create(task, new SplitOptions { Seed = 1, TrainFraction = 1 }).Train;
        Assert.Equal(256, all.Rows);
        Assert.Equal(all.Targets, learner.Predict(all));
    }
}
