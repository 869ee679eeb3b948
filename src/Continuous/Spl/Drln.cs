using static TorchSharp.torch;

namespace LogicNets.Continuous.Spl;

/// <summary>
/// DRLN, the bounding normaliser of the SPL family: x / (max|x| + ε) over a context (the last dimension). The output
/// lies in [−1, 1] and is proportional to the input, so surprise and cost signals of any scale can be compared.
/// </summary>
public static class Drln
{
    public const double DefaultEpsilon = 1e-8;

    public static Tensor Apply(Tensor input, double epsilon = DefaultEpsilon) =>
        input / (input.abs().amax([-1], keepdim: true) + epsilon);
}
