using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;

namespace LogicNets.Tests.Support;

/// <summary>Hand-built circuits with known behaviour, for checking exports, proofs and predictions.</summary>
public static class ReferenceCircuits
{
    /// <summary>A ripple-carry adder for add:N (a in bits 0..N−1, b in N..2N−1, N+1 sum bits, least significant first).</summary>
    public static HardCircuit RippleAdder(int width)
    {
        var gates = new List<Gate>();
        int Emit(GateOp op, int a, int b)
        {
            gates.Add(new Gate(op, a, b));
            return 2 * width + gates.Count - 1;
        }
        var sums = new List<int>();
        int carry = -1;
        for (int i = 0; i < width; i++)
        {
            int a = i, b = width + i;
            int half = Emit(GateOp.Xor, a, b);
            int generate = Emit(GateOp.And, a, b);
            if (carry < 0)
            {
                sums.Add(half);
                carry = generate;
                continue;
            }
            sums.Add(Emit(GateOp.Xor, half, carry));
            int propagate = Emit(GateOp.And, half, carry);
            carry = Emit(GateOp.Or, generate, propagate);
        }
        sums.Add(carry);
        return new HardCircuit(2 * width, gates, sums);
    }

    /// <summary>The same circuit with gate <paramref name="index"/> replaced by <paramref name="op"/>.</summary>
    public static HardCircuit WithGate(HardCircuit circuit, int index, GateOp op)
    {
        var gates = circuit.Gates.ToArray();
        gates[index] = gates[index] with { Op = op };
        return new HardCircuit(circuit.InputCount, gates, circuit.Outputs);
    }
}
