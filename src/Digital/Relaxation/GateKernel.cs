namespace LogicNets.Digital.Relaxation;

/// <summary>Which code computes a relaxed gate layer with fixed wiring (<c>--set gate-kernel=…</c> on <c>gates</c>).</summary>
public enum GateKernel
{
    /// <summary>
    /// Our SIMD forward and backward (<see cref="FusedGateKernel"/>) on CPU with fixed wiring; elsewhere (learnable
    /// wiring, CUDA) libtorch. Same function as libtorch's; sums run in another order, so the last float bits differ.
    /// Single-threaded: <c>--threads</c> still applies to the libtorch parts of a step (coefficients, loss, Adam).
    /// </summary>
    Fused,

    /// <summary>libtorch operations only (index_select, elementwise products), as before the fused kernel.</summary>
    Libtorch,
}
