using LogicNets.Tasks.Data;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Relaxation;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Digital.Networks;

/// <summary>
/// A stack of gate layers: inputs → <c>depth</c> hidden layers of <c>width</c> gates → one gate per output bit, or
/// with a group-sum head a group of k (odd) gates per output bit. Its output is the relaxed probability of each output
/// bit; <see cref="ToCircuit"/> discretises it.
/// </summary>
/// <remarks>
/// Group-sum head (difflogic's, for two classes per bit): the bit's probability is σ((s − k/2)/τ) with s the sum of
/// the group's relaxed outputs and τ = k/6, so a unanimous group gives σ(±3). The hard prediction s &gt; k/2 is the
/// group's majority, which the circuit computes with a <see cref="MajorityNetwork"/>.
/// </remarks>
public sealed class GateNetwork : GateLayerStack
{
    /// <param name="skipWiring">
    /// Learnable wiring only: each layer's wires choose among the inputs and every earlier layer's gates (DenseNet's
    /// pattern), not only the layer before, so a value can skip layers without a chain of pass-through gates.
    /// </param>
    public GateNetwork(string name, int inputs, int width, int depth, int outputs, Wiring wiring, int seed, double residualBias, Device device,
        int outputGroup = 1, GateForm form = GateForm.Softmax16, GateKernel kernel = GateKernel.Fused, bool skipWiring = false)
        : base(name)
    {
        if (depth < 0) throw new ArgumentException($"gate network depth must be >= 0, got {depth}");
        if (skipWiring && wiring != Wiring.Learnable) throw new ArgumentException("skip wiring needs learnable wiring");
        SkipWiring = skipWiring;
        if (outputGroup < 1 || outputGroup % 2 == 0)
            throw new ArgumentException($"the group-sum head needs an odd group size >= 1 (so a majority exists), got {outputGroup}");
        OutputGroup = outputGroup;
        var rng = new SplitMix64(seed);
        var layers = new List<GateLayer>();
        int fanIn = inputs;
        for (int l = 0; l < depth; l++)
        {
            layers.Add(new GateLayer($"layer{l}", fanIn, width, wiring, rng, residualBias, device, form, kernel));
            fanIn = skipWiring ? fanIn + width : width;
        }
        layers.Add(new GateLayer("output", fanIn, outputs * outputGroup, wiring, rng, residualBias: 0, device, form, kernel));
        UseLayers(layers);
        InputWidth = inputs;
    }

    public int InputWidth { get; }

    /// <summary>Whether each layer reads the inputs and all earlier layers (see the constructor).</summary>
    public bool SkipWiring { get; }

    /// <summary>Output gates per output bit (1: one gate per bit; odd k &gt; 1: group-sum head).</summary>
    public int OutputGroup { get; }

    public override Tensor forward(Tensor x)
    {
        if (Layers.All(l => l.Fused))
        {
            // Neuron-major from end to end: one transpose in, one out (see GateLayer.ForwardNeuronMajor).
            var rows = x.t();
            foreach (var layer in Layers) rows = layer.ForwardNeuronMajor(rows);
            return GroupSum(rows.t());
        }
        return GroupSum(Stack(x, (layer, input) => layer.forward(input)));
    }

    public Tensor ForwardReference(Tensor x) => GroupSum(Stack(x, (layer, input) => layer.ForwardReference(input)));

    /// <summary>The layers in turn; with skip wiring each reads the inputs and every earlier layer's output, side by side.</summary>
    private Tensor Stack(Tensor x, Func<GateLayer, Tensor, Tensor> apply)
    {
        var input = x;
        Tensor output = x;
        foreach (var layer in Layers)
        {
            output = apply(layer, input);
            input = SkipWiring ? cat([input, output], 1) : output;
        }
        return output;
    }

    private Tensor GroupSum(Tensor gates)
    {
        if (OutputGroup == 1) return gates;
        int k = OutputGroup;
        var sum = gates.reshape(gates.shape[0], -1, k).sum([2]);
        return ((sum - k / 2.0) * (6.0 / k)).sigmoid();
    }

    /// <summary>The discretised network (argmax gates and wires), before simplification.</summary>
    public HardCircuit ToCircuit() => HardChoices().ToCircuit();

    public GateChoices HardChoices() => new(InputWidth, Layers.Select(l => l.HardChoices()).ToArray(), OutputGroup, SkipWiring);
}
