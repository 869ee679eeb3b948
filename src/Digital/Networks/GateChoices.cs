using LogicNets.Digital.Circuits;

namespace LogicNets.Digital.Networks;

/// <summary>The discrete choices of one gate layer: a gate per neuron and its two inputs (indices into the layer before).</summary>
public sealed record LayerChoices(int InputWidth, int[] Ops, int[] A, int[] B, bool Rewirable)
{
    public int Width => Ops.Length;
}

/// <summary>A discretised layered gate network, editable (local search) and convertible to a hard circuit.</summary>
public sealed class GateChoices(int inputWidth, IReadOnlyList<LayerChoices> layers)
{
    public int InputWidth { get; } = inputWidth;

    public IReadOnlyList<LayerChoices> Layers { get; } = layers;

    public int Neurons => Layers.Sum(l => l.Width);

    /// <summary>Nodes: inputs, then each layer's neurons in order; outputs are the last layer.</summary>
    public HardCircuit ToCircuit()
    {
        var gates = new List<Gate>(Neurons);
        int previous = 0;
        foreach (var layer in Layers)
        {
            int first = InputWidth + gates.Count;
            for (int j = 0; j < layer.Width; j++) gates.Add(new Gate(layer.Ops[j], previous + layer.A[j], previous + layer.B[j]));
            previous = first;
        }
        return new HardCircuit(InputWidth, gates, Enumerable.Range(previous, Layers[^1].Width).ToArray());
    }
}
