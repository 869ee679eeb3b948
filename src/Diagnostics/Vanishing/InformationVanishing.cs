using LogicNets.Diagnostics.Inspection;
using static TorchSharp.torch;

namespace LogicNets.Diagnostics.Vanishing;

/// <summary>
/// How much of the input survives each stage. On real inputs x, per stage output f(x):
/// ‖W·a‖/‖b‖ (a the stage input; how much the weights say against the bias), input dependence
/// mean ‖f(x) − f(0)‖ / ‖f(x)‖ (f(0) the same stack fed zeros: 0 means the output is the bias floor), the share of
/// output energy that varies across inputs Σ Var(f) / E‖f‖², and the share of units that are zero on every input.
/// </summary>
public static class InformationVanishing
{
    /// <summary>Threshold below which a final stage is said to ignore its input.</summary>
    public const double IgnoringThreshold = 0.05;

    public static List<VanishingRow> Measure(IReadOnlyList<LayerStage> stages, Tensor inputs)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var rows = new List<VanishingRow>();
        var activation = inputs;
        var zeroActivation = zeros_like(inputs);
        for (int index = 0; index < stages.Count; index++)
        {
            var stage = stages[index];
            double? weightToBias = null;
            if (stage.Weight is not null && stage.Bias is not null)
            {
                double biasNorm = stage.Bias.norm().item<float>();
                double weighted = nn.functional.linear(activation, stage.Weight).norm(1, true).mean().item<float>();
                weightToBias = biasNorm > 0 ? weighted / biasNorm : double.PositiveInfinity;
            }
            var output = stage.Forward(activation);
            var zeroOutput = stage.Forward(zeroActivation);
            rows.Add(new VanishingRow(stage.Name, index + 1, weightToBias, InputDependence(output, zeroOutput),
                VarianceShare(output), DeadShare(output)));
            activation = output;
            zeroActivation = zeroOutput;
        }
        return rows;
    }

    /// <summary>
    /// The trained "ignores its input" state: the last stage's output hardly depends on the input, so the bias
    /// (or the stages before it) carries the label. Returns the reason, or null when the input still matters.
    /// </summary>
    public static string? IgnoresInput(IReadOnlyList<VanishingRow> rows)
    {
        if (rows.Count == 0) return null;
        var last = rows[^1];
        if (last.InputDependence >= IgnoringThreshold && last.VarianceShare >= IgnoringThreshold * IgnoringThreshold) return null;
        return $"output of {last.Layer} varies with the input by {last.InputDependence:P1} (variance share {last.VarianceShare:P2}): " +
               "the output is its zero-input value, so the biases, not the input, decide it (trained: weights near zero, bias carries the label)";
    }

    private static double InputDependence(Tensor output, Tensor zeroOutput)
    {
        var difference = (output - zeroOutput).norm(1, true);
        var size = output.norm(1, true);
        var ratio = where(size.gt(0), difference / size.clamp_min(1e-30), zeros_like(size));
        return ratio.mean().item<float>();
    }

    private static double VarianceShare(Tensor output)
    {
        double energy = output.square().sum([1]).mean().item<float>();
        if (energy <= 0) return 0;
        double variance = output.var([0], unbiased: false).sum().item<float>();
        return variance / energy;
    }

    private static double DeadShare(Tensor output) =>
        output.abs().amax([0]).eq(0).to_type(ScalarType.Float32).mean().item<float>();
}
