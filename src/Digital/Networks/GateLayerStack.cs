using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Digital.Networks;

/// <summary>What the layered gate networks share: their layers, registered in order, and the switches that apply to every layer.</summary>
public abstract class GateLayerStack(string name) : nn.Module<Tensor, Tensor>(name)
{
    /// <summary>The layers in forward order, the output layer last.</summary>
    public IReadOnlyList<GateLayer> Layers { get; private set; } = [];

    /// <summary>Sets and registers the layers (as l0, l1, …: the names a saved model holds); constructors call it once.</summary>
    protected void UseLayers(IReadOnlyList<GateLayer> layers)
    {
        Layers = layers;
        for (int l = 0; l < layers.Count; l++) register_module($"l{l}", layers[l]);
    }

    /// <summary>Trainable parameters as built: 16 gate logits (input-wise: 4) per neuron, plus two wire selectors per neuron when wiring is learnable.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>Straight-through mode for every layer: the forward pass is the hard circuit.</summary>
    public bool StraightThrough
    {
        get => Layers[0].StraightThrough;
        set
        {
            foreach (var layer in Layers) layer.StraightThrough = value;
        }
    }

    /// <summary>Learnable wiring: candidates per wire in the forward pass for every layer (<see cref="GateLayer.WireTopK"/>); 0 = all.</summary>
    public int WireTopK
    {
        get => Layers[0].WireTopK;
        set
        {
            foreach (var layer in Layers) layer.WireTopK = value;
        }
    }
}
