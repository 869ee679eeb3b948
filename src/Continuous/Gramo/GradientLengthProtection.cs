using System.ComponentModel;
using LogicNets.Tasks;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Gramo;

/// <summary>How a gradient row's length is measured when it is rescaled.</summary>
public enum ProtectionMode
{
    /// <summary>Per-element RMS of the row equals the scaling factor.</summary>
    Element,

    /// <summary>L2 length of the row equals the scaling factor.</summary>
    Vector,
}

/// <summary>
/// Settings of gradient-length protection ("gramo"). A row whose RMS is below <see cref="Epsilon"/> is not
/// normalised (that would blow noise up to full size) but multiplied by <see cref="SmallRowMultiplier"/>: the rule is
/// deliberately discontinuous at eps.
/// </summary>
public sealed record ProtectionSettings
{
    [Description("the length a protected gradient row is rescaled to")]
    public double ScalingFactor { get; init; } = 1.0;

    [Description("rows with RMS below this are not normalised but multiplied by small-row-multiplier")]
    public double Epsilon { get; init; } = 1e-12;

    [Description("multiplier of rows below epsilon")]
    public double SmallRowMultiplier { get; init; } = 1.0;

    [Description("row length as per-element RMS (element) or L2 length (vector)")]
    public ProtectionMode Mode { get; init; } = ProtectionMode.Element;

    /// <remarks>So that rescaling is exact in floating point.</remarks>
    [Description("round each row's multiplier to the nearest power of two (in log2)")]
    public bool RoundToPowerOfTwo { get; init; }

    public void Validate()
    {
        if (!(ScalingFactor > 0) || !double.IsFinite(ScalingFactor)) throw new UserInputException($"protection scaling factor must be a positive number, got {ScalingFactor}");
        if (!(Epsilon >= 0)) throw new UserInputException($"protection eps must be >= 0, got {Epsilon}");
        if (!(SmallRowMultiplier >= 0) || !double.IsFinite(SmallRowMultiplier)) throw new UserInputException($"protection small-row multiplier must be >= 0, got {SmallRowMultiplier}");
    }
}

/// <summary>
/// Gradient-length protection: identity forward; backward rescales each row of the [rows, d] incoming gradient so its
/// length equals the scaling factor. Rows never mix. The multipliers are computed in float64 so the eps comparison is
/// not at the mercy of float32 rounding, then applied in the gradient's own dtype.
/// </summary>
public static class GradientLengthProtection
{
    /// <summary>Applies protection to a [rows, d] tensor (a 1-D tensor is one row).</summary>
    public static Tensor Apply(Tensor input, ProtectionSettings settings) =>
        input.requires_grad ? ProtectionFunction.apply(input, settings) : input;

    /// <summary>Applies protection with the whole tensor viewed as one row (the weight-gradient placement).</summary>
    public static Tensor ApplyAsOneRow(Tensor input, ProtectionSettings settings) =>
        input.requires_grad ? Apply(input.reshape(1, -1), settings).view_as(input) : input;

    /// <summary>The backward rule on its own: the rescaled gradient for an incoming gradient.</summary>
    public static Tensor Rescale(Tensor gradient, ProtectionSettings settings)
    {
        using var scope = NewDisposeScope();
        var rows = gradient.dim() == 1 ? gradient.unsqueeze(0) : gradient.reshape(gradient.shape[0], -1);
        var wide = rows.to_type(ScalarType.Float64);
        long width = wide.shape[1];
        var rms = wide.square().mean([1], keepdim: true).sqrt();
        var length = settings.Mode == ProtectionMode.Element ? rms : rms * Math.Sqrt(width);
        var multiplier = where(rms.lt(settings.Epsilon),
            full_like(rms, settings.SmallRowMultiplier),
            settings.ScalingFactor / length);
        if (settings.RoundToPowerOfTwo)
            multiplier = where(multiplier.gt(0), exp2(multiplier.log2().round()), multiplier);
        var rescaled = (wide * multiplier).to_type(gradient.dtype).view_as(gradient);
        return rescaled.MoveToOuterDisposeScope();
    }

    private sealed class ProtectionFunction : autograd.SingleTensorFunction<ProtectionFunction>
    {
        public override string Name => "GradientLengthProtection";

        public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
        {
            ctx.save_data("settings", vars[1]);
            return ((Tensor)vars[0]).alias();
        }

        // One gradient per argument of apply: the tensor's, then none for the settings.
        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor gradOutput) =>
            [Rescale(gradOutput, (ProtectionSettings)ctx.get_data("settings")), null!];
    }
}
