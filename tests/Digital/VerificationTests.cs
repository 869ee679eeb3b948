using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Digital.Gates;
using LogicNets.Digital.Networks;
using LogicNets.Digital.Verification;
using LogicNets.Tasks.Definitions;
using LogicNets.Tests.Support;

namespace LogicNets.Tests.Digital;

public class VerificationTests
{
    [Theory]
    [InlineData("add:5")]
    [InlineData("add:4:carry")]
    [InlineData("mul:4")]
    [InlineData("parity:10:3")]
    [InlineData("noisy-xor")]
    [InlineData("mix:xor2,and2,maj3:d2")]
    public void BitSlicedRulesAgreeWithTheTaskDefinitions(string name)
    {
        var task = (BitTask)TaskName.Parse(name);
        var rng = new Random(1);
        var inputs = new PackedBits(task.InputWidth, 256);
        rng.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(inputs.Data.AsSpan()));
        var outputs = new PackedBits(task.OutputWidth, 256);
        BitSlicedRule.Compute(task, inputs, outputs);
        var inBits = new byte[task.InputWidth];
        var expected = new byte[task.OutputWidth];
        for (int row = 0; row < 256; row++)
        {
            for (int i = 0; i < inBits.Length; i++) inBits[i] = inputs.Get(i, row) ? (byte)1 : (byte)0;
            task.Compute(inBits, expected);
            for (int o = 0; o < expected.Length; o++) Assert.Equal(expected[o] != 0, outputs.Get(o, row));
        }
    }

    [Fact]
    public void ExhaustiveCheckAcceptsAnAdderAndRefutesABrokenOneWithItsRow()
    {
        var task = (BitTask)TaskName.Parse("add:6");
        var adder = ReferenceCircuits.RippleAdder(6);
        var ok = ExhaustiveCheck.Check(adder, task);
        Assert.Equal(CheckVerdict.Exhaustive, ok.Verdict);
        Assert.Equal(4096, ok.Rows);

        // The last carry's OR made an AND: wrong exactly when a carry is generated at the top and not propagated.
        var broken = ReferenceCircuits.WithGate(adder, adder.Gates.Count - 1, GateOp.And);
        var refuted = ExhaustiveCheck.Check(broken, task);
        Assert.Equal(CheckVerdict.Counterexample, refuted.Verdict);
        var input = refuted.Input!.Select(c => c == '1').ToArray();
        var bits = input.Select(b => (byte)(b ? 1 : 0)).ToArray();
        var expected = new byte[task.OutputWidth];
        task.Compute(bits, expected);
        Assert.Equal(string.Concat(expected.Select(b => (char)('0' + b))), refuted.Expected);
        Assert.Equal(string.Concat(broken.Evaluate(input).Select(b => b ? '1' : '0')), refuted.Actual);
        Assert.NotEqual(refuted.Expected, refuted.Actual);
    }

    [RequiresToolFact("z3", "z3")]
    public void SolverProvesAWideAdderAndRefutesABrokenOne()
    {
        var task = (BitTask)TaskName.Parse("add:40");
        var adder = ReferenceCircuits.RippleAdder(40);
        Assert.Equal(CheckVerdict.Proved, RuleCheck.Check(adder, task, TimeSpan.FromSeconds(60)).Verdict);

        var broken = ReferenceCircuits.WithGate(adder, adder.Gates.Count - 1, GateOp.And);
        var refuted = SmtProof.Prove(broken, task, TimeSpan.FromSeconds(60));
        Assert.Equal(CheckVerdict.Counterexample, refuted.Verdict);
        var input = refuted.Input!.Select(c => c == '1').ToArray();
        var expected = new byte[task.OutputWidth];
        task.Compute(input.Select(b => (byte)(b ? 1 : 0)).ToArray(), expected);
        Assert.NotEqual(string.Concat(expected.Select(b => (char)('0' + b))), string.Concat(broken.Evaluate(input).Select(b => b ? '1' : '0')));
    }

    [RequiresToolFact("z3", "z3")]
    public void SolverProvesParityOverTheHiddenBits()
    {
        var task = (ParityTask)TaskName.Parse("parity:40:3");
        var h = task.HiddenBits;
        var circuit = new HardCircuit(40, [new Gate(GateOp.Xor, h[0], h[1]), new Gate(GateOp.Xor, 40, h[2])], [41]);
        Assert.Equal(CheckVerdict.Proved, SmtProof.Prove(circuit, task, TimeSpan.FromSeconds(60)).Verdict);
        var wrong = new HardCircuit(40, [new Gate(GateOp.Xor, h[0], h[1])], [40]);
        Assert.Equal(CheckVerdict.Counterexample, SmtProof.Prove(wrong, task, TimeSpan.FromSeconds(60)).Verdict);
    }

    [Fact]
    public void TheFullAdderCellIsRecognised()
    {
        // Inputs a, b, carry; outputs sum, carry'.
        var cell = new HardCircuit(3,
            [new Gate(GateOp.Xor, 0, 1), new Gate(GateOp.Xor, 3, 2), new Gate(GateOp.And, 0, 1), new Gate(GateOp.And, 3, 2), new Gate(GateOp.Or, 5, 6)],
            [4, 7]);
        Assert.True(RuleCheck.IsFullAdder(cell));
        var unrolled = SerialGateCell.Unroll(cell, 16, 9);
        Assert.Equal(CheckVerdict.Exhaustive, ExhaustiveCheck.Check(unrolled, (BitTask)TaskName.Parse("add:8")).Verdict);
        Assert.False(RuleCheck.IsFullAdder(ReferenceCircuits.WithGate(cell, 4, GateOp.And)));
    }
}
