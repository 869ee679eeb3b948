using LogicNets.Tasks.Data;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;
using LogicNets.Digital.Relaxation;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Digital.Networks;

/// <summary>
/// A layered gate network convolved along the bit positions (a one-dimensional convolutional logic-gate net): every
/// layer holds <c>channels</c> gates per bit position, the same gates (functions and wires) at every position, and a
/// gate at position t reads any channel of the operand bits or of an earlier layer at position t or t − 1. Output t
/// is one more such gate at position t. Unlike <see cref="SerialGateCell"/> each layer has its own gates, so the
/// net is a feed-forward circuit of depth + 1 levels; a signal moves at most one position per layer, so output t
/// sees positions t − depth … t.
/// </summary>
/// <remarks>
/// Rows are laid out as for <see cref="SerialGateCell"/>: two operands of w bits, then an optional carry-in bit, read
/// at position 0. Positions at or past w read operand bits 0, and position −1 reads 0 everywhere.
/// A wire's candidates at layer l are, in order, each earlier map (the operand bits, then layers 0 … l − 1) at
/// position t and then the same map at t − 1.
/// </remarks>
public sealed class ConvGateNetwork : GateLayerStack
{
    private readonly int[] _mapWidths;

    public ConvGateNetwork(string name, int channels, int depth, bool carryIn, int seed, double residualBias, Device device,
        GateForm form = GateForm.Softmax16)
        : base(name)
    {
        if (channels < 1) throw new ArgumentException($"a convolutional gate net needs at least one channel, got {channels}");
        if (depth < 0) throw new ArgumentException($"gate network depth must be >= 0, got {depth}");
        BaseChannels = carryIn ? 3 : 2;
        Channels = channels;
        _mapWidths = [BaseChannels, .. Enumerable.Repeat(channels, depth)];
        var rng = new SplitMix64(seed);
        var layers = new List<GateLayer>();
        for (int l = 0; l <= depth; l++)
        {
            int fanIn = 2 * _mapWidths.Take(l + 1).Sum();
            layers.Add(l < depth
                ? new GateLayer($"layer{l}", fanIn, channels, Wiring.Learnable, rng, residualBias, device, form)
                : new GateLayer("output", fanIn, 1, Wiring.Learnable, rng, residualBias: 0, device, form));
        }
        UseLayers(layers);
    }

    /// <summary>The hidden layers, then the output layer (one gate per position).</summary>
    /// <summary>Operand bits per position: a_t, b_t and, for rows with a carry-in, that bit at position 0.</summary>
    public int BaseChannels { get; }

    public int Channels { get; }

    /// <summary>x: [batch, inputs] → [batch, outputs], output t computed at position t.</summary>
    public Tensor Forward(Tensor x, int outputs)
    {
        var (w, carry) = SerialGateCell.Layout((int)x.shape[1]);
        if (carry != (BaseChannels == 3))
            throw new ArgumentException($"the net was built for rows {(BaseChannels == 3 ? "with" : "without")} a carry-in bit, got {x.shape[1]} inputs");
        long batch = x.shape[0];
        int used = Math.Min(w, outputs);
        var operands = stack([x[.., ..used], x[.., w..(w + used)]], 2); // [batch, used, 2]
        if (carry)
        {
            var carryIn = x[.., (2 * w)..(2 * w + 1)].unsqueeze(1);
            operands = cat([operands, cat([carryIn, zeros(batch, used - 1, 1, device: x.device)], 1)], 2);
        }
        if (outputs > used) operands = cat([operands, zeros(batch, outputs - used, BaseChannels, device: x.device)], 1);
        var window = Window(operands);
        Tensor output = window;
        foreach (var layer in Layers)
        {
            output = layer.forward(window.reshape(batch * outputs, -1)).reshape(batch, outputs, -1);
            if (layer != Layers[^1]) window = cat([window, Window(output)], 2);
        }
        return output.reshape(batch, outputs);
    }

    /// <summary>A map [batch, positions, c] beside itself one position later: [batch, positions, 2c], position −1 reading 0.</summary>
    private static Tensor Window(Tensor map)
    {
        var before = nn.functional.pad(map, [0, 0, 1, 0])[.., ..(int)map.shape[1], ..];
        return cat([map, before], 2);
    }

    public override Tensor forward(Tensor x) => throw new InvalidOperationException("call Forward(x, outputs): the position count is the output width");

    /// <summary>The discrete gates and wires of every layer (wires index the candidates, see the remarks).</summary>
    public GateChoices HardChoices() => new(BaseChannels, Layers.Select(l => l.HardChoices()).ToArray());

    /// <summary>
    /// The hard circuit of <paramref name="choices"/> for rows of <paramref name="inputWidth"/> bits and
    /// <paramref name="outputs"/> output positions, simplified.
    /// </summary>
    public static HardCircuit Unroll(GateChoices choices, int inputWidth, int outputs)
    {
        var (w, carry) = SerialGateCell.Layout(inputWidth);
        int baseChannels = choices.InputWidth;
        if (baseChannels != (carry ? 3 : 2))
            throw new ArgumentException($"choices for {baseChannels} operand channels cannot read rows of {inputWidth} bits");
        var gates = new List<Gate> { new(GateOp.False, 0, 0) };
        int zero = inputWidth;
        // nodes[m][t][c]: the circuit node of map m (0: operand bits, then each layer) at position t, channel c.
        var nodes = new List<int[][]>();
        nodes.Add(Enumerable.Range(0, outputs).Select(t => new[]
        {
            t < w ? t : zero, t < w ? w + t : zero, t == 0 && carry ? 2 * w : zero,
        }[..baseChannels]).ToArray());
        int Candidate(int index, int t)
        {
            foreach (var map in nodes)
            {
                int width = map[0].Length;
                if (index < width) return map[t][index];
                if (index < 2 * width) return t == 0 ? zero : map[t - 1][index - width];
                index -= 2 * width;
            }
            throw new ArgumentException("wire index past the candidates of its layer");
        }
        foreach (var layer in choices.Layers)
        {
            var map = new int[outputs][];
            for (int t = 0; t < outputs; t++)
            {
                map[t] = new int[layer.Width];
                for (int j = 0; j < layer.Width; j++)
                {
                    gates.Add(new Gate(layer.Ops[j], Candidate(layer.A[j], t), Candidate(layer.B[j], t)));
                    map[t][j] = inputWidth + gates.Count - 1;
                }
            }
            nodes.Add(map);
        }
        var ys = nodes[^1].Select(position => position[0]).ToArray();
        return CircuitSimplifier.Simplify(new HardCircuit(inputWidth, gates, ys));
    }
}
