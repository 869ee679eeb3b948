using static TorchSharp.torch;

namespace LogicNets.Diagnostics.Inspection;

/// <summary>
/// One stage of a network as the diagnostics see it. An affine stage is y = act(W·x + b) and can be re-run
/// functionally (with protection placements); an opaque stage (an SPL, an outer product) only runs its own forward.
/// </summary>
public sealed record LayerStage(string Name, string Type, Tensor? Weight, Tensor? Bias, bool Relu, Func<Tensor, Tensor>? OpaqueForward = null)
{
    public bool IsAffine => OpaqueForward is null && Weight is not null;

    public Tensor Forward(Tensor input)
    {
        if (OpaqueForward is not null) return OpaqueForward(input);
        var output = nn.functional.linear(input, Weight!, Bias);
        return Relu ? nn.functional.relu(output) : output;
    }
}
