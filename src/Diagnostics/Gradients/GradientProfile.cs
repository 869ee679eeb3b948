using LogicNets.Continuous.Gramo;
using LogicNets.Diagnostics.Inspection;
using static TorchSharp.torch;

namespace LogicNets.Diagnostics.Gradients;

/// <summary>Gradient RMS at one stage: of its weight and of its output (the activation gradient).</summary>
public sealed record GradientRow(string Layer, int Depth, double? WeightGradientRms, double ActivationGradientRms);

/// <summary>
/// Per-stage weight- and activation-gradient RMS after one backward pass of a loss on real data, through the plain
/// stack or with gradient-length protection at the protected MLP's placements (each weight as one row, each stage
/// output per sample). The forward values are the same either way; only the backward differs.
/// </summary>
public static class GradientProfile
{
    public static List<GradientRow> Measure(IReadOnlyList<LayerStage> stages, Tensor inputs, Tensor targets, bool bitTargets,
        ProtectionSettings? protection = null)
    {
        using var scope = NewDisposeScope();
        var weights = stages.Select(stage => stage.Weight).Where(weight => weight is not null).ToList();
        foreach (var weight in weights) weight!.grad = null;
        var recorder = new GradientProbe.Recorder(stages.Count);
        var activation = inputs;
        for (int index = 0; index < stages.Count; index++)
        {
            var stage = stages[index];
            Tensor output;
            if (stage.IsAffine)
            {
                var weight = protection is null ? stage.Weight! : GradientLengthProtection.ApplyAsOneRow(stage.Weight!, protection);
                output = nn.functional.linear(activation, weight, stage.Bias);
            }
            else output = stage.Forward(activation);
            if (protection is not null) output = GradientLengthProtection.Apply(output, protection);
            output = GradientProbe.Attach(output, recorder, index);
            activation = stage.IsAffine && stage.Relu ? nn.functional.relu(output) : output;
        }
        var loss = bitTargets
            ? nn.functional.binary_cross_entropy_with_logits(activation, targets)
            : nn.functional.mse_loss(activation, targets);
        loss.backward();
        var rows = new List<GradientRow>();
        for (int index = 0; index < stages.Count; index++)
        {
            var gradient = stages[index].Weight?.grad;
            double? weightRms = gradient is null ? null : GradientProbe.Rms(gradient);
            rows.Add(new GradientRow(stages[index].Name, index + 1, weightRms, recorder.Rms[index]));
        }
        foreach (var weight in weights) weight!.grad = null;
        return rows;
    }
}
