using static TorchSharp.torch;

namespace LogicNets.Continuous.Torch;

/// <summary>What the fused autograd nodes (SPL, attention, layer norm) decide the same way before they run.</summary>
public static class FusedNodes
{
    /// <summary>
    /// Whether a backward pass can follow a node over <paramref name="inputs"/>: gradients on and some input needing one.
    /// Without one (prediction, no_grad) a node keeps nothing of its forward pass.
    /// </summary>
    public static bool BackwardFollows(params Tensor[] inputs) => is_grad_enabled() && inputs.Any(input => input.requires_grad);
}
