using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Spl;

/// <summary>
/// M-SAPS meta-learning of SPL prototypes and gates, run once per training step after the main backward pass.
/// Per layer: computational surprise S_μ,j = ‖∂L/∂μ_j‖; with the layer's activation rate a, experts with
/// S_μ ≤ quantile(a) are good and S_μ ≥ quantile(1−a) bad (a is capped at ½ so the sets cannot overlap); each
/// expert's local anchor is the normalised mean of the inputs that activated it; the prototype loss pulls good
/// prototypes toward their anchors and pushes bad ones away (or the reverse, <see cref="SplOptions.PrototypeSign"/>),
/// weighted by DRLN(S_μ); perceptual surprise S_p,j = ‖∂L_proto/∂p_j‖; the gate regresses its mean cost onto
/// DRLN(S_μ) + DRLN(S_p), so surprising experts grow expensive and fire less. The meta gradients are added to the
/// prototypes' and gates' gradients from the main loss (through the straight-through mask), and the caller steps the
/// meta optimiser.
/// </summary>
public sealed class Msaps(IReadOnlyList<SparseProtoLinear> layers, SplOptions options)
{
    private double _accuracyEma = 0.5;

    /// <summary>
    /// Adds the meta gradients for one step; <paramref name="batchAccuracy"/> (in [0,1]) drives protection's temperature
    /// and may be left out when protection is off.
    /// </summary>
    public void AddMetaGradients(double? batchAccuracy)
    {
        if (options.Protection && batchAccuracy is null) throw new ArgumentNullException(nameof(batchAccuracy), "protection's temperature follows the batch accuracy");
        if (batchAccuracy is { } accuracy) _accuracyEma = options.AccuracyMomentum * _accuracyEma + (1 - options.AccuracyMomentum) * accuracy;
        foreach (var layer in layers) AddMetaGradients(layer);
    }

    private void AddMetaGradients(SparseProtoLinear layer)
    {
        if (layer.LastInput is null || layer.LastMask is null || layer.LastSignedCost is null || layer.Computation.weight!.grad is null) return;
        using var scope = NewDisposeScope();
        var x = layer.LastInput;
        var mask = layer.LastMask;
        var computationSurprise = layer.Computation.weight.grad.detach().square().sum([1]).sqrt();

        // Both quantiles on the device, so a GPU step does not wait for the host once per layer.
        var rate = mask.mean().clamp(1e-6, 0.5).to_type(computationSurprise.dtype);
        var thresholds = computationSurprise.quantile(stack([rate, 1 - rate]), 0, false);
        var good = computationSurprise.le(thresholds[0]).to_type(x.dtype);
        var bad = computationSurprise.ge(thresholds[1]).to_type(x.dtype);
        var activated = mask.sum([0]).gt(0).to_type(x.dtype);
        var anchors = nn.functional.normalize(mask.t().matmul(x), dim: -1);

        // L_p = Σ_j DRLN(S_μ)_j·act_j·(good_j·(1 ∓ a_j) + bad_j·(1 ± a_j)) / J with a_j = p̂_j·anchor_j, differentiated in
        // closed form (∂a_j/∂p_j = (anchor_j − a_j·p̂_j) / ‖p_j‖) rather than by a second autograd pass per layer.
        var prototype = layer.MetaPrototype.detach();
        var norm = prototype.norm(-1, true).clamp_min(SparseProtoLinear.NormFloor);
        var direction = prototype / norm;
        var alignment = (direction * anchors).sum([1], keepdim: true);
        double goodSlope = options.PrototypeSign == PrototypeLossSign.PullGoodPushBad ? -1 : 1;
        var surpriseWeight = Drln.Apply(computationSurprise);
        var slope = surpriseWeight * activated * (good - bad) * (goodSlope / layer.OutputWidth);
        var prototypeGradient = slope.unsqueeze(1) * (anchors - alignment * direction) / norm;
        var perceptualSurprise = prototypeGradient.square().sum([1]).sqrt();
        if (options.Protection)
        {
            var protection = 1 - nn.functional.softmax(-layer.Gate.detach().square().sum([1]).sqrt() / Temperature(), 0);
            prototypeGradient = prototypeGradient * protection.unsqueeze(1);
        }

        // L_g = mean_j (c̄_j − t_j)² with c̄_j the batch's mean cost, also in closed form: ∂c̄_j/∂g_j is the mean input
        // (signed cost) or the mean of sign(x·g_j)·x (absolute cost).
        var target = (surpriseWeight + Drln.Apply(perceptualSurprise)) * options.GateTargetScale;
        var signedCost = layer.LastSignedCost;
        var residual = (layer.CostOf(signedCost).mean([0]) - target) * (2.0 / layer.OutputWidth);
        var costSlope = options.AbsoluteCost ? signedCost.sign().t().matmul(x) / x.shape[0] : x.mean([0]).unsqueeze(0);
        var gateGradient = residual.unsqueeze(1) * costSlope;

        using (no_grad())
        {
            Accumulate(layer.Prototype, prototypeGradient);
            Accumulate(layer.Gate, gateGradient);
        }
    }

    private double Temperature()
    {
        double accuracy = Math.Clamp(_accuracyEma, 0.01, 0.99);
        return options.BaseTemperature * (options.Temperature == TemperatureDirection.FallsWithAccuracy ? 1 - accuracy : accuracy);
    }

    private static void Accumulate(Tensor parameter, Tensor gradient)
    {
        if (parameter.grad is null) parameter.grad = gradient.detach().clone().DetachFromDisposeScope();
        else parameter.grad.add_(gradient);
    }
}
