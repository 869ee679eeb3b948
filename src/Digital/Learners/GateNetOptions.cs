using System.ComponentModel;
using LogicNets.Digital.Relaxation;

namespace LogicNets.Digital.Learners;

/// <summary>Options of <c>gates</c> and <c>gates-wired</c> (<c>--set key=value</c>).</summary>
public record GateNetOptions
{
    [Description("how a relaxed gate is parametrised: softmax16 (a softmax over the 16 functions, difflogic) or input-wise (4 corner logits through a sigmoid)")]
    public GateForm GateForm { get; init; } = GateForm.Softmax16;

    [Description("residual initialisation of nets with 3 or more hidden layers: how far each hidden gate starts towards passing its input through (0 = off)")]
    public double ResidualBias { get; init; } = 2.0;

    [Description("code of the relaxed layers with fixed wiring (gates, on CPU): fused (our SIMD forward and backward) or libtorch (its operations; same function, last float bits differ)")]
    public GateKernel GateKernel { get; init; } = GateKernel.Fused;
}

/// <summary>
/// Options of <c>gates-wired</c>: those of <c>gates</c> and its learned wiring's. Top-k 4 by measurement
/// (docs/evaluations/gate-learners/README.md, "Sparse top-k wiring"): ahead of the dense softmax on parity:24:3,
/// add:6 and a rule mixture, equal on noisy-xor, two seeds behind on parity:16:3.
/// </summary>
public sealed record WiredGateNetOptions : GateNetOptions
{
    [Description("inputs each learned wire mixes in the forward pass: the k with the largest logits (sparse top-k; the backward pass is the dense softmax's, so any input can climb in); 0 = a softmax over all of them")]
    public int WireTopK { get; init; } = 4;

    [Description("each layer's wires may read the inputs and every earlier layer, not only the layer before (wires that skip layers, as DenseNet's connections do)")]
    public bool SkipWiring { get; init; }
}
