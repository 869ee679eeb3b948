using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Digital.Gates;
using LogicNets.Tests.Support;

namespace LogicNets.Tests.Digital;

public sealed class EvaluatorTests : IDisposable
{
    private readonly IlgpuEvaluator _ilgpu = new(IlgpuTarget.Cpu);

    private static PackedBits RandomInputs(int seed, int lanes, int samples)
    {
        var rng = new Random(seed);
        var packed = new PackedBits(lanes, samples);
        for (int i = 0; i < packed.Data.Length; i++) packed.Data[i] = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40);
        packed.ClearTails();
        return packed;
    }

    [Property(MaxTest = 40)]
    public Property ScalarSimdAndIlgpuAgreeBitForBit() =>
        Prop.ForAll(
            (from circuit in RandomCircuits.Gen(maxInputs: 20, maxGates: 300)
             from samples in Gen.OneOf(Gen.Choose(0, 1500), Gen.Elements(1, 63, 64, 65, 511, 512, 513, 1023, 1024, 1025, 2048 + 7))
             from seed in Gen.Choose(0, 100000)
             from block in Gen.Elements(4, 8, 16, 32)
             select (circuit, samples, seed, block)).ToArbitrary(),
            c =>
            {
                var compiled = new CompiledCircuit(c.circuit);
                var inputs = RandomInputs(c.seed, c.circuit.InputCount, c.samples);
                var scalar = new ScalarEvaluator().Evaluate(compiled, inputs).Data;
                var simd = new SimdEvaluator(threads: 2, blockWords: c.block).Evaluate(compiled, inputs).Data;
                var gpu = _ilgpu.Evaluate(compiled, inputs).Data;
                return scalar.SequenceEqual(simd) && scalar.SequenceEqual(gpu);
            });

    [Fact]
    public void PackedEvaluationEqualsTheCircuitsOwnScalarEvaluation()
    {
        var circuit = RandomCircuits.Make(seed: 11, inputs: 9, gates: 120, outputs: 4);
        var inputs = RandomInputs(3, 9, 700);
        var packed = new SimdEvaluator().Evaluate(new CompiledCircuit(circuit), inputs);
        for (int s = 0; s < 700; s++)
        {
            var row = Enumerable.Range(0, 9).Select(i => inputs.Get(i, s)).ToArray();
            Assert.Equal(circuit.Evaluate(row), Enumerable.Range(0, 4).Select(o => packed.Get(o, s)));
        }
    }

    [Fact]
    public void TooFewInputBitsAreRejected()
    {
        var circuit = RandomCircuits.Make(1, 8, 10, 1);
        var error = Assert.Throws<ArgumentException>(() => new SimdEvaluator().Evaluate(new CompiledCircuit(circuit), new PackedBits(5, 10)));
        Assert.Contains("8 inputs", error.Message);
    }

    [Fact]
    public void EvaluatingIntoAUsedOutputBufferOverwritesEveryBit()
    {
        var compiled = new CompiledCircuit(RandomCircuits.Make(seed: 5, inputs: 12, gates: 200, outputs: 5));
        var inputs = RandomInputs(7, 12, 777);
        var expected = new ScalarEvaluator().Evaluate(compiled, inputs).Data;
        foreach (ICircuitEvaluator evaluator in new ICircuitEvaluator[] { new ScalarEvaluator(), new SimdEvaluator(threads: 2), _ilgpu })
        {
            var output = new PackedBits(5, 777);
            Array.Fill(output.Data, ulong.MaxValue);
            evaluator.Evaluate(compiled, inputs, output);
            Assert.Equal(expected, output.Data);
        }
    }

    [Fact]
    public void AnOutputBufferOfTheWrongShapeIsRejected()
    {
        var compiled = new CompiledCircuit(RandomCircuits.Make(1, 8, 10, 3));
        var error = Assert.Throws<ArgumentException>(() => new SimdEvaluator().Evaluate(compiled, new PackedBits(8, 100), new PackedBits(2, 100)));
        Assert.Contains("needs 3 × 100", error.Message);
    }

    [Fact]
    public void TheScheduleKeepsOnlyLiveNodesAndRunsOneOperationPerRun()
    {
        var circuit = LayeredRandomCircuit.Make(inputs: 64, layers: 6, width: 500, seed: 3);
        var schedule = new CompiledCircuit(circuit).Schedule;
        Assert.True(schedule.SlotCount <= 64 + 2 * 500, $"{schedule.SlotCount} slots for layers of 500 gates");
        Assert.Equal(schedule.GateCount, schedule.Runs.Sum(r => r.End - r.Start));
        var order = schedule.Runs.SelectMany(r => Enumerable.Range(r.Start, r.End - r.Start)).ToArray();
        Assert.Equal(Enumerable.Range(0, schedule.GateCount), order);
        Assert.All(schedule.Runs, r => Assert.True(r.Op.Computes() && r.Op is not (GateOp.NotA or GateOp.NotB), $"{r.Op} was not folded"));
        Assert.True(schedule.Runs.Length <= 6 * 16);
    }

    [Fact]
    public void WiringNegationsAndDeadGatesCostNoGate()
    {
        // x0, x1 → n = ¬x0; g = n ∧ x1 (becomes ¬x0 ∧ x1 on the inputs); p = pass-through of g; t = TRUE;
        // u = t ∧ x1 (is x1); d = x0 ⊕ x1, read by nobody. Outputs: p, n (an inverted input), t (a constant), u.
        var circuit = new HardCircuit(2,
            [new Gate(GateOp.NotA, 0, 0), new Gate(GateOp.And, 2, 1), new Gate(GateOp.A, 3, 0), new Gate(GateOp.True, 0, 0),
             new Gate(GateOp.And, 5, 1), new Gate(GateOp.Xor, 0, 1)],
            [4, 2, 5, 6]);
        var compiled = new CompiledCircuit(circuit);
        var run = Assert.Single(compiled.Schedule.Runs);
        Assert.Equal(GateOp.NotAAndB, run.Op);
        Assert.Equal(1, compiled.Schedule.GateCount);
        var inputs = RandomInputs(5, 2, 300);
        Assert.Equal(new ScalarEvaluator().Evaluate(compiled, inputs).Data, new SimdEvaluator(threads: 1).Evaluate(compiled, inputs).Data);
    }

    [Fact]
    public void AGateThatIsExactlyOneUnreadOutputWritesItsLaneItself()
    {
        // n3 = x0 ∧ x1; n4 = n3 ⊕ x2 (read by n6 and an output); n5 = x0 ∨ x2 (two outputs); n6 = ¬(n4 ∧ n5) (one
        // output, read by nobody); n7 = x1 ∧ ¬x2 and n8 = ¬n7 (an output: n7 writes it with the complement, ¬x1 ∨ x2).
        var circuit = new HardCircuit(3,
            [new Gate(GateOp.And, 0, 1), new Gate(GateOp.Xor, 3, 2), new Gate(GateOp.Or, 0, 2), new Gate(GateOp.Nand, 4, 5),
             new Gate(GateOp.AAndNotB, 1, 2), new Gate(GateOp.NotA, 7, 7)],
            [6, 4, 5, 5, 8]);
        var compiled = new CompiledCircuit(circuit);
        var schedule = compiled.Schedule;
        Assert.Equal([GateOp.NotAOrB, GateOp.Nand], schedule.Runs.Where(r => r.ToOutput).Select(r => r.Op).Order());
        Assert.Equal(EvaluationSchedule.WrittenByGate, schedule.OutputSlots[0]);
        Assert.Equal(EvaluationSchedule.WrittenByGate, schedule.OutputSlots[4]);
        Assert.All(schedule.OutputSlots[1..4], slot => Assert.True(slot >= 0));
        // 1 500 samples are 24 words: with blocks of 16 the second block is partial and its outputs go through the spill.
        foreach (int samples in new[] { 1500, 4096, 37 })
        {
            var inputs = RandomInputs(samples, 3, samples);
            var expected = new ScalarEvaluator().Evaluate(compiled, inputs).Data;
            foreach (int threads in new[] { 1, 2 })
                Assert.Equal(expected, new SimdEvaluator(threads, blockWords: 16).Evaluate(compiled, inputs).Data);
        }
    }

    [Fact]
    public void OnTheBenchmarkCircuitAQuarterOfTheGatesRun()
    {
        // 6 of the 16 operations are wiring; a gate that reads a constant is wiring too, so constants spread layer by
        // layer, and what only wiring reads dies: 11 155 of 48 000 gates remain on this circuit.
        var circuit = LayeredRandomCircuit.Make(inputs: 64, layers: 6, width: 8000, seed: 1);
        var schedule = new CompiledCircuit(circuit).Schedule;
        Assert.InRange(schedule.GateCount, 0.15 * 48000, 0.35 * 48000);
        // The simplifier removes the same wiring but keeps negations as NOT gates (and merges duplicates).
        var simplified = CircuitSimplifier.Simplify(circuit).Gates;
        Assert.InRange(schedule.GateCount, simplified.Count(g => g.Op is not GateOp.NotA) * 0.98, simplified.Count);
    }

    public void Dispose() => _ilgpu.Dispose();
}
