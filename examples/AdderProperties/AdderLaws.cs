// Property-based tests of learned logic: laws an 8-bit adder must obey, checked on a circuit that was learned, not
// written. FsCheck draws the operands and, on a failure, shrinks them to the smallest pair that breaks the law.
// Run: dotnet test examples/AdderProperties   (LOGICNETS_ADDER_CELL=cell.json checks a saved cell instead)
using FsCheck.Xunit;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Learners;
using LogicNets.Digital.Networks;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

public class AdderLaws
{
    // A serial cell (a, b, carry → sum, carry) learned from the add:4 table, unrolled to 8 and to 9 bits.
    static readonly Lazy<HardCircuit> Cell = new(() => Environment.GetEnvironmentVariable("LOGICNETS_ADDER_CELL") is { } file
        ? CircuitFile.Load(file) : LearnCell());
    static readonly Lazy<HardCircuit> Add8 = new(() => SerialGateCell.Unroll(Cell.Value, 16, 9));
    static readonly Lazy<HardCircuit> Add9 = new(() => SerialGateCell.Unroll(Cell.Value, 18, 10));

    static HardCircuit LearnCell()
    {
        var task = TaskName.Parse("add:4");
        using var learner = new SerialGateLearner(new LearnerRequest(LearnerShape.Of(task), 16, new ModelSettings()));
        learner.Fit(TaskDataFactory.Create(task, new SplitOptions { TrainFraction = 1, Seed = 3 }).Train, new FitOptions { Seed = 3 });
        return learner.CellCircuit!;
    }

    static int Sum(HardCircuit adder, int width, int a, int b)
    {
        var bits = new bool[2 * width];
        for (int i = 0; i < width; i++) (bits[i], bits[width + i]) = (((a >> i) & 1) == 1, ((b >> i) & 1) == 1);
        return adder.Evaluate(bits).Select((bit, i) => bit ? 1 << i : 0).Sum();
    }

    [Property] public bool AddsCorrectly(byte a, byte b) => Sum(Add8.Value, 8, a, b) == a + b;
    [Property] public bool IsCommutative(byte a, byte b) => Sum(Add8.Value, 8, a, b) == Sum(Add8.Value, 8, b, a);
    [Property] public bool ZeroIsNeutral(byte a) => Sum(Add8.Value, 8, a, 0) == a;
    [Property] public bool AgreesWithTheCircuitOneBitWider(byte a, byte b) => Sum(Add9.Value, 9, a, b) == Sum(Add8.Value, 8, a, b);
}
