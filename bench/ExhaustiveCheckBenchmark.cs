using BenchmarkDotNet.Attributes;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;
using LogicNets.Digital.Networks;
using LogicNets.Digital.Verification;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Benchmarks;

/// <summary>
/// <c>verify</c>'s exhaustive check of an add:12 adder (a full-adder cell unrolled, 2²⁴ = 16 777 216 rows): rows/s =
/// 16 777 216 / mean. It includes generating the packed rows, evaluating the circuit and computing the rule bit-sliced.
/// </summary>
public class ExhaustiveCheckBenchmark
{
    public const long Rows = 1L << 24;

    private HardCircuit _adder = null!;
    private BitTask _task = null!;

    [GlobalSetup]
    public void Setup()
    {
        // a, b, carry → sum, carry': the cell gates-serial learns when it learns addition.
        var cell = new HardCircuit(3,
            [new Gate(GateOp.Xor, 0, 1), new Gate(GateOp.Xor, 3, 2), new Gate(GateOp.And, 0, 1), new Gate(GateOp.And, 3, 2), new Gate(GateOp.Or, 5, 6)],
            [4, 7]);
        _task = (BitTask)TaskName.Parse("add:12");
        _adder = SerialGateCell.Unroll(cell, _task.InputWidth, _task.OutputWidth);
    }

    [Benchmark]
    public CheckVerdict Add12Exhaustive() => ExhaustiveCheck.Check(_adder, _task).Verdict;
}
