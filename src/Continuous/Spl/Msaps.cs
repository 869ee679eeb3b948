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

    /// <summary>Adds the meta gradients for one step; <paramref name="batchAccuracy"/> (in [0,1]) drives protection.</summary>
    public void AddMetaGradients(double batchAccuracy)
    {
        _accuracyEma = options.AccuracyMomentum * _accuracyEma + (1 - options.AccuracyMomentum) * batchAccuracy;
        foreach (var layer in layers) AddMetaGradients(layer);
    }

    private void AddMetaGradients(SparseProtoLinear layer)
    {
        if (layer.LastInput is null || layer.LastMask is null || layer.Computation.weight!.grad is null) return;
        using var scope = NewDisposeScope();
        var x = layer.LastInput;
        var mask = layer.LastMask;
        var computationSurprise = layer.Computation.weight.grad.detach().square().sum([1]).sqrt();

        double rate = Math.Clamp(mask.mean().item<float>(), 1e-6, 0.5);
        var sorted = computationSurprise.cpu().to_type(ScalarType.Float64).data<double>().ToArray();
        Array.Sort(sorted);
        var good = computationSurprise.le(Quantile(sorted, rate)).to_type(x.dtype);
        var bad = computationSurprise.ge(Quantile(sorted, 1 - rate)).to_type(x.dtype);
        var activated = mask.sum([0]).gt(0).to_type(x.dtype);
        var anchors = nn.functional.normalize(mask.t().matmul(x), dim: -1);

        var prototype = layer.Prototype;
        var alignment = (nn.functional.normalize(layer.MetaPrototype, dim: -1) * anchors).sum([1]);
        var (goodTerm, badTerm) = options.PrototypeSign == PrototypeLossSign.PullGoodPushBad
            ? (1 - alignment, 1 + alignment)
            : (1 + alignment, 1 - alignment);
        var weight = Drln.Apply(computationSurprise);
        var prototypeLoss = (weight * activated * (good * goodTerm + bad * badTerm)).sum() / layer.OutputWidth;
        var prototypeGradient = autograd.grad([prototypeLoss], [prototype], allow_unused: true)[0] ?? zeros_like(prototype);
        var perceptualSurprise = prototypeGradient.square().sum([1]).sqrt();
        if (options.Protection)
        {
            var protection = 1 - nn.functional.softmax(-layer.Gate.detach().square().sum([1]).sqrt() / Temperature(), 0);
            prototypeGradient = prototypeGradient * protection.unsqueeze(1);
        }

        var target = (Drln.Apply(computationSurprise) + Drln.Apply(perceptualSurprise)) * options.GateTargetScale;
        var gateLoss = nn.functional.mse_loss(layer.Cost(x).mean([0]), target.detach());
        var gateGradient = autograd.grad([gateLoss], [layer.Gate])[0];

        using (no_grad())
        {
            Accumulate(prototype, prototypeGradient);
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

    /// <summary>Linear-interpolation quantile of sorted values (numpy's default).</summary>
    public static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0) throw new ArgumentException("quantile of no values");
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
