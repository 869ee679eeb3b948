using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Networks;

/// <summary>The discrete choices of one gate layer: a gate per neuron and its two inputs (indices into the layer before, or with skip wiring node numbers: inputs, then the earlier layers).</summary>
public sealed record LayerChoices(int InputWidth, GateOp[] Ops, int[] A, int[] B, bool Rewirable)
{
    public int Width => Ops.Length;
}

/// <summary>A discretised layered gate network, editable (local search) and convertible to a hard circuit.</summary>
/// <param name="outputGroup">Last-layer gates per output bit; above 1 each output is the majority of its group (group-sum head).</param>
/// <param name="skipWiring">Each layer's wires index the inputs and all earlier layers (<see cref="GateNetwork.SkipWiring"/>).</param>
public sealed class GateChoices(int inputWidth, IReadOnlyList<LayerChoices> layers, int outputGroup = 1, bool skipWiring = false)
{
    public int InputWidth { get; } = inputWidth;

    public IReadOnlyList<LayerChoices> Layers { get; } = layers;

    public int OutputGroup { get; } = outputGroup;

    public int Neurons => Layers.Sum(l => l.Width);

    /// <summary>Nodes: inputs, then each layer's neurons in order; outputs are the last layer, or the majority of each group of it.</summary>
    public HardCircuit ToCircuit()
    {
        var gates = new List<Gate>(Neurons);
        int previous = 0, last = 0;
        foreach (var layer in Layers)
        {
            last = InputWidth + gates.Count;
            for (int j = 0; j < layer.Width; j++) gates.Add(new Gate(layer.Ops[j], previous + layer.A[j], previous + layer.B[j]));
            if (!skipWiring) previous = last; // skip wiring: a wire's index is already the node number
        }
        if (OutputGroup == 1) return new HardCircuit(InputWidth, gates, Enumerable.Range(last, Layers[^1].Width).ToArray());
        var outputs = new int[Layers[^1].Width / OutputGroup];
        for (int o = 0; o < outputs.Length; o++)
            outputs[o] = MajorityNetwork.Append(gates, InputWidth, Enumerable.Range(last + o * OutputGroup, OutputGroup).ToArray());
        return new HardCircuit(InputWidth, gates, outputs);
    }
}
