using LogicNets.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogicNets.Digital.Evaluation;
using LogicNets.Digital.LogicTrees;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Digital;

public class LogicTreeTests
{
    /// <summary>A full truth table written as outputs for addresses 0, 1, 2, …; bit i of an address is input i.</summary>
    private static LogicTreeNode Table(string outputs)
    {
        int width = (int)Math.Log2(outputs.Length);
        var rows = Enumerable.Range(0, outputs.Length).Select(a => (UInt128)a).ToArray();
        return LogicTreeBuilder.Build(rows, outputs.Select(c => c == '1').ToArray(), width);
    }

    [Fact]
    public void XorTableIsOneParityLeaf() => Assert.Equal(new ParityLeaf([0, 1], false), Table("0110"), ParityComparer);

    [Fact]
    public void XnorTableIsAParityLeafOfOppositePolarity() => Assert.Equal(new ParityLeaf([0, 1], true), Table("1001"), ParityComparer);

    [Fact]
    public void ThreeBitParityIsOneLeaf() => Assert.Equal(new ParityLeaf([0, 1, 2], false), Table("01101001"), ParityComparer);

    [Fact]
    public void ParityOfTwoBitsMasksTheThird() => Assert.Equal(new ParityLeaf([0, 1], false), Table("01100110"), ParityComparer);

    [Fact]
    public void AllBitsEqualIsNotParityAndIsSplit()
    {
        var tree = Table("10000001");
        var split = Assert.IsType<SplitNode>(tree);
        // Whatever the split, the tree reproduces the table.
        for (int address = 0; address < 8; address++)
            Assert.Equal(address is 0 or 7, Evaluate(split, address, 3));
    }

    [Fact]
    public void TwoRowsOfAOneBitAdderGiveAConstantCarryAndALowBitThatFollowsOneInput()
    {
        // Inputs (a, b, carry) = bits 0, 1, 2. "011 → 10" is a=0, b=1, c=1 → carry-out 1, sum 0; "111 → 11" is 1+1+1 → 1, 1.
        UInt128[] rows = [0b110, 0b111];
        var sum = LogicTreeBuilder.Build(rows, [false, true], 3);
        var carry = LogicTreeBuilder.Build(rows, [true, true], 3);
        Assert.Equal(new ConstantLeaf(true), carry);
        var split = Assert.IsType<SplitNode>(sum);
        Assert.Equal(0, split.Bit); // a is the only bit that differs between the rows
        Assert.Equal(new ConstantLeaf(false), split.Zero);
        Assert.Equal(new ConstantLeaf(true), split.One);
        var circuit = LogicTreeCircuit.Build([sum, carry], 3);
        Assert.Equal(0, circuit.Outputs[0]); // the low output bit is input a itself
    }

    [Property(MaxTest = 120)]
    public Property RandomTruthTablesAreFittedPerfectly() =>
        Prop.ForAll(
            (from width in Gen.Choose(1, 11)
             from density in Gen.Elements(0.5, 0.1, 0.9, 0.0, 1.0) // dense, sparse, one-sided
             from observed in Gen.Elements(1.0, 0.5, 0.1)          // how much of the table is seen
             from seed in Gen.Choose(0, 100000)
             select (width, density, observed, seed)).ToArbitrary(),
            c =>
            {
                var rng = new Random(c.seed);
                var rows = Enumerable.Range(0, 1 << c.width).Where(_ => rng.NextDouble() < c.observed).Select(a => (UInt128)a).ToArray();
                if (rows.Length == 0) rows = [0];
                var outputs = rows.Select(_ => rng.NextDouble() < c.density).ToArray();
                var tree = LogicTreeBuilder.Build(rows, outputs, c.width);
                var circuit = new CompiledCircuit(LogicTreeCircuit.Build([tree], c.width));
                var packed = new PackedBits(c.width, rows.Length);
                for (int r = 0; r < rows.Length; r++)
                    for (int i = 0; i < c.width; i++) packed.Set(i, r, ((rows[r] >> i) & 1) != 0);
                var predicted = new SimdEvaluator().Evaluate(circuit, packed);
                return Enumerable.Range(0, rows.Length).All(r => predicted.Get(0, r) == outputs[r] && Evaluate(tree, (int)rows[r], c.width) == outputs[r]);
            });

    [Fact]
    public void EmptyLeavesAnswerLikeTheirSibling()
    {
        // Seen: 00 → 0, 01 → 1 (bit 0 decides). Unseen rows 10 and 11 fall back to the bit-1 = 0 side.
        var tree = LogicTreeBuilder.Build([0b00, 0b01], [false, true], 2);
        var circuit = LogicTreeCircuit.Build([tree], 2);
        Assert.Equal(new[] { false, true, false, true }, Enumerable.Range(0, 4).Select(a => circuit.Evaluate([(a & 1) != 0, (a & 2) != 0])[0]));
    }

    [Fact]
    public void LearnerReproducesEveryTrainingRowOfAnArithmeticTask()
    {
        var task = TaskName.Parse("mul:4");
        var data = TaskDataFactory.Create(task, new SplitOptions { Seed = 3, TrainFraction = 0.3 });
        using var learner = new LogicTreeLearner(new LearnerRequest(LearnerShape.Of(task), 64, new ModelSettings()));
        learner.Fit(data.Train, new FitOptions());
        Assert.Equal(data.Train.Targets, learner.Predict(data.Train));
        Assert.True(learner.ParameterCount > 0);
    }

    [Fact]
    public void RealValuedTasksAreRejectedWithTheReason()
    {
        var error = Assert.Throws<UserInputException>(() => new LogicTreeLearner(new LearnerRequest(LearnerShape.Of(new ProductTask()), 8, new ModelSettings())));
        Assert.Contains("real-valued", error.Message);
    }

    /// <summary>The tree's own semantics: descend; an empty side answers as its sibling.</summary>
    private static bool Evaluate(LogicTreeNode node, int address, int width) => node switch
    {
        ConstantLeaf c => c.Value,
        ParityLeaf p => p.Bits.Aggregate(p.Inverted, (acc, i) => acc ^ (((address >> i) & 1) != 0)),
        SplitNode s => Evaluate(((address >> s.Bit) & 1) == 0 ? (s.Zero is EmptyLeaf ? s.One : s.Zero) : (s.One is EmptyLeaf ? s.Zero : s.One), address, width),
        _ => throw new InvalidOperationException("empty tree"),
    };

    private static readonly IEqualityComparer<LogicTreeNode> ParityComparer = EqualityComparer<LogicTreeNode>.Create((a, b) =>
        a is ParityLeaf pa && b is ParityLeaf pb ? pa.Bits.SequenceEqual(pb.Bits) && pa.Inverted == pb.Inverted : Equals(a, b));
}
