using LogicNets.Tasks.Metrics;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.LogicChains;
using LogicNets.Digital.Verification;
using LogicNets.Harness.Registry;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Tests.Digital;

public class LogicChainTests
{
    /// <summary>a &gt; b for two k-bit numbers whose bits sit at shuffled input positions, on random rows.</summary>
    private static Dataset Comparator(int k, int rows, int seed, int[] order)
    {
        var rng = new SplitMix64(seed);
        var inputs = new float[rows * 2 * k];
        var targets = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            ulong a = rng.NextUInt64() & ((1UL << k) - 1), b = rng.NextUInt64() & ((1UL << k) - 1);
            for (int i = 0; i < k; i++)
            {
                inputs[r * 2 * k + order[i]] = (a >> i) & 1;
                inputs[r * 2 * k + order[k + i]] = (b >> i) & 1;
            }
            targets[r] = a > b ? 1 : 0;
        }
        return new Dataset(rows, 2 * k, 1, inputs, targets, TargetKind.Bits);
    }

    [Fact]
    public void AChainFindsAComparisonWhoseBitsAreShuffled()
    {
        const int k = 16;
        var order = Enumerable.Range(0, 2 * k).ToArray();
        new SplitMix64(3).Shuffle(order);
        var train = Comparator(k, 4000, 1, order);
        var chain = PriorityChain.Learn(new BitColumns(train, 0), new BitColumns(train, 0).Target, 40, null);
        // The first rule is the most significant pair, with 10 → 1 and 01 → 0 (a > b), in either order of the two.
        var first = chain.Rules[0];
        Assert.Equal(new[] { order[k - 1], order[2 * k - 1] }.Order(), new[] { first.A, first.B }.Order());

        var test = Comparator(k, 4000, 2, order);
        var columns = new BitColumns(test, 0);
        var predicted = chain.Predict(columns);
        int right = Enumerable.Range(0, test.Rows).Count(r => ((predicted[r >> 6] >> (r & 63)) & 1) == (ulong)test.Targets[r]);
        Assert.True(right >= 0.99 * test.Rows, $"{right} of {test.Rows}");

        // The circuit it becomes answers as the chain does, row for row.
        var gates = new List<Gate>();
        int output = chain.Emit(gates, 2 * k);
        var circuit = new HardCircuit(2 * k, gates, [output]);
        for (int r = 0; r < 500; r++)
        {
            var row = test.InputRow(r).ToArray().Select(v => v > 0.5f).ToArray();
            Assert.Equal(((predicted[r >> 6] >> (r & 63)) & 1) != 0, circuit.Evaluate(row)[0]);
        }
    }

    [Fact]
    public void LogicChainLearnsAdditionFromATenthOfTheTableExactly()
    {
        // Each sum bit is a carry chain behind the XOR of its operand bits: the learner finds the pair for every bit.
        var spec = new RunSpec { Task = TaskName.Parse("add:8"), Model = "logic-chain", Size = 16, TrainFraction = 0.1 };
        var outcome = new RunExecutor(BuiltInModels.Catalog).Execute(spec);
        using var learner = (LogicChainLearner)outcome.Learner;
        Assert.Equal(1.0, outcome.Record.TestExact);
        Assert.Equal(Verification.Exhaustive, outcome.Record.Verified);
        Assert.Equal(CheckVerdict.Exhaustive, ExhaustiveCheck.Check(learner.Circuit!, (BitTask)spec.Task).Verdict);
    }
}
