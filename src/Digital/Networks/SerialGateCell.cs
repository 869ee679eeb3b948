using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Digital.Networks;

/// <summary>
/// One weight-shared gate cell applied along the bit positions (a bit-serial, recurrent gate network). At step t the
/// cell reads (a_t, b_t, state) and writes (y_t, state'); operand bits past the operand width read as 0, and a
/// carry-in bit, when the task has one, starts the first state bit. Because the same cell runs at every position,
/// a cell that computes the rule exactly does so at any width.
/// </summary>
public sealed class SerialGateCell : nn.Module<Tensor, Tensor>
{
    /// <summary>
    /// Pass-through bias of the cell's gate logits: a near-uniform gate mixture outputs ≈ 0.5 whatever its inputs, so
    /// without it the signal (and the carry) vanishes across positions before training can start.
    /// </summary>
    public const double ResidualBias = 2.0;

    private readonly GateNetwork _cell;

    public SerialGateCell(string name, int width, int depth, int stateBits, int seed, Device device) : base(name)
    {
        if (stateBits < 1) throw new ArgumentException($"a serial cell needs at least one state bit, got {stateBits}");
        StateBits = stateBits;
        _cell = new GateNetwork("cell", 2 + stateBits, width, depth, 1 + stateBits, Wiring.Learnable, seed, residualBias: ResidualBias, device);
        register_module("cell", _cell);
    }

    public int StateBits { get; }

    public GateNetwork Cell => _cell;

    /// <summary>Operand width and carry-in of an input row of the given width: two operands, then an optional carry bit.</summary>
    public static (int OperandWidth, bool CarryIn) Layout(int inputWidth) => (inputWidth / 2, inputWidth % 2 == 1);

    /// <summary>x: [batch, inputs] → [batch, outputs]; the number of steps is the number of outputs.</summary>
    public Tensor Forward(Tensor x, int outputs)
    {
        var (w, carry) = Layout((int)x.shape[1]);
        long batch = x.shape[0];
        var zero = zeros(batch, 1, device: x.device);
        var state = zeros(batch, StateBits, device: x.device);
        if (carry) state = cat([x[.., (2 * w)..(2 * w + 1)], state[.., 1..]], 1);
        var ys = new List<Tensor>(outputs);
        for (int t = 0; t < outputs; t++)
        {
            var a = t < w ? x[.., t..(t + 1)] : zero;
            var b = t < w ? x[.., (w + t)..(w + t + 1)] : zero;
            var output = _cell.forward(cat([a, b, state], 1));
            ys.Add(output[.., 0..1]);
            state = output[.., 1..];
        }
        return cat(ys, 1);
    }

    public override Tensor forward(Tensor x) => throw new InvalidOperationException("call Forward(x, outputs): the step count is the output width");

    /// <summary>
    /// Unrolls a hard cell over <paramref name="outputs"/> positions into one circuit for rows of
    /// <paramref name="inputWidth"/> bits (two operands and an optional carry), exact at any width.
    /// </summary>
    public static HardCircuit Unroll(HardCircuit cell, int inputWidth, int outputs)
    {
        int stateBits = cell.InputCount - 2;
        if (stateBits < 1 || cell.Outputs.Count != 1 + stateBits)
            throw new ArgumentException($"a serial cell has 2 + S inputs and 1 + S outputs, got {cell.InputCount} and {cell.Outputs.Count}");
        var (w, carry) = Layout(inputWidth);
        var gates = new List<Gate> { new(GateOp.False, 0, 0) }; // node inputWidth: constant 0 for padding and the initial state
        int zero = inputWidth;
        var state = Enumerable.Repeat(zero, stateBits).ToArray();
        if (carry) state[0] = 2 * w;
        var ys = new int[outputs];
        for (int t = 0; t < outputs; t++)
        {
            var map = new int[cell.NodeCount];
            map[0] = t < w ? t : zero;
            map[1] = t < w ? w + t : zero;
            for (int s = 0; s < stateBits; s++) map[2 + s] = state[s];
            for (int g = 0; g < cell.Gates.Count; g++)
            {
                var gate = cell.Gates[g];
                gates.Add(new Gate(gate.Op, map[gate.A], map[gate.B]));
                map[cell.InputCount + g] = inputWidth + gates.Count - 1;
            }
            ys[t] = map[cell.Outputs[0]];
            for (int s = 0; s < stateBits; s++) state[s] = map[cell.Outputs[1 + s]];
        }
        return CircuitSimplifier.Simplify(new HardCircuit(inputWidth, gates, ys));
    }
}
