using static TorchSharp.torch;

namespace LogicNets.Continuous.Moie;

/// <summary>
/// Rotary position encoding (RoFormer, half-split pairing): feature i of the first half and feature i of the second
/// half form a pair rotated by angle pos·θ_i, θ_i = base^(−2i/d). Query·key products then depend on the relative
/// position only, which is what lets attention find "the bit k places to the right" at any position.
/// </summary>
public static class RotaryPositions
{
    public const double Base = 10000.0;

    /// <summary>Rotates [batch, tokens, width] features by each token's position; the width must be even.</summary>
    public static Tensor Apply(Tensor features)
    {
        long tokens = features.shape[^2], width = features.shape[^1];
        if (width % 2 != 0) throw new ArgumentException($"rotary positions need an even feature width, got {width}");
        long half = width / 2;
        var frequencies = pow(Base, -arange(half, dtype: ScalarType.Float32, device: features.device) * (2.0 / width));
        var angles = arange(tokens, dtype: ScalarType.Float32, device: features.device).outer(frequencies);
        var cos = cat([angles.cos(), angles.cos()], -1).to_type(features.dtype);
        var sin = cat([angles.sin(), angles.sin()], -1).to_type(features.dtype);
        var first = features.narrow(-1, 0, half);
        var second = features.narrow(-1, half, half);
        var rotated = cat([-second, first], -1);
        return features * cos + rotated * sin;
    }
}
