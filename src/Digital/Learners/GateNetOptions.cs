using System.ComponentModel;
using LogicNets.Digital.Relaxation;

namespace LogicNets.Digital.Learners;

/// <summary>Options of <c>gates</c> and <c>gates-wired</c> (<c>--set key=value</c>).</summary>
public sealed record GateNetOptions
{
    [Description("how a relaxed gate is parametrised: softmax16 (a softmax over the 16 functions, difflogic) or input-wise (4 corner logits through a sigmoid)")]
    public GateForm GateForm { get; init; } = GateForm.Softmax16;

    [Description("residual initialisation of nets with 3 or more hidden layers: how far each hidden gate starts towards passing its input through (0 = off)")]
    public double ResidualBias { get; init; } = 2.0;

    [Description("code of the relaxed layers with fixed wiring (gates, on CPU): fused (our SIMD forward and backward) or libtorch (its operations; same function, last float bits differ)")]
    public GateKernel GateKernel { get; init; } = GateKernel.Fused;
}
