namespace LogicNets.Digital.Relaxation;

/// <summary>How a relaxed gate is parametrised (<c>--set gate-form=…</c> on the gate nets).</summary>
public enum GateForm
{
    /// <summary>
    /// 16 logits, a softmax over the 16 two-input functions (difflogic), applied in coefficient form. At a uniform
    /// start every neuron is the average gate, whose output is 0.5 whatever its inputs: gradients vanish with depth.
    /// </summary>
    Softmax16,

    /// <summary>
    /// 4 logits, one per input corner (00, 01, 10, 11): the gate's value there is σ(θ) (input-wise, Light DLGN 2025).
    /// Any truth table is reachable corner by corner, and a random start is a random soft gate, not the average one.
    /// </summary>
    InputWise,
}
