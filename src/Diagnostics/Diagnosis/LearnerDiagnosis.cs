using LogicNets.Continuous.Torch;
using LogicNets.Diagnostics.Inspection;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using static TorchSharp.torch;

namespace LogicNets.Diagnostics.Diagnosis;

/// <summary>Diagnoses a trained learner on rows of its own task: the inputs it was trained on, as it encodes them, on its device.</summary>
public static class LearnerDiagnosis
{
    /// <summary>Rows the diagnostics look at: enough for stable ratios and ranks, few enough to keep the gradient probes quick.</summary>
    public const int InspectedRows = 1024;

    /// <summary>
    /// The layer table of <paramref name="learner"/>'s network on its training rows (a seeded sample of
    /// <see cref="InspectedRows"/> for larger bit tasks). Learners without a TorchSharp network are refused.
    /// </summary>
    public static NetworkDiagnosis Of(ILearner learner, TaskData data, int seed, bool lowRankProbe = false)
    {
        var torchLearner = LayerStack.AsTorchLearner(learner);
        var stages = LayerStack.Of(learner);
        var sample = data.Train.Rows > InspectedRows && data.Task is BitTask bits ? TaskDataFactory.Sample(bits, InspectedRows, seed) : data.Train;
        using var scope = NewDisposeScope();
        var inputs = TensorData.Inputs(sample, torchLearner.Encoding, torchLearner.Device);
        var targets = TensorData.Targets(sample, torchLearner.Device);
        return NetworkDiagnosis.Measure(stages, inputs, targets, data.Task.Kind == TargetKind.Bits, lowRankProbe);
    }
}
