using System.ComponentModel;
using LogicNets.Digital.Relaxation;

namespace LogicNets.Digital.Learners;

/// <summary>
/// Options of <c>gates-conv</c> (<c>--set key=value</c>). Input-wise gates and dense wires by measurement on add:8
/// (docs/evaluations/gate-learners/README.md, "A convolutional gate net"): with softmax16 gates the net did not fit
/// even the first two sum bits; with top-4 wires it stalled at seven.
/// </summary>
public sealed record ConvGateNetOptions
{
    [Description("how a relaxed gate is parametrised: input-wise (4 corner logits through a sigmoid) or softmax16 (a softmax over the 16 functions, difflogic)")]
    public GateForm GateForm { get; init; } = GateForm.InputWise;

    [Description("residual initialisation: how far each hidden gate starts towards passing its input through (0 = off)")]
    public double ResidualBias { get; init; } = 2.0;

    [Description("candidates each learned wire mixes in the forward pass: the k with the largest logits; 0 = a softmax over all of them")]
    public int WireTopK { get; init; }
}
