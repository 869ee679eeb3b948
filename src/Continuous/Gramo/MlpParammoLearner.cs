using LogicNets.Continuous.Mlp;
using LogicNets.Continuous.Training;
using LogicNets.Tasks.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Gramo;

/// <summary><c>mlp-parammo</c> (formerly <c>mlp-gramo</c>) — the plain MLP with gradient-length protection ("parammo" in the design) on weights and every layer's output.</summary>
public sealed class MlpParammoLearner(LearnerRequest request) : TorchLearner(Descriptor.Name, request, defaultLearningRate: 3e-3)
{
    public static readonly ModelDescriptor Descriptor = new(
        "mlp-parammo",
        "MLP with gradient-length protection, the design's parammo (weight gradients and each layer's output gradient rescaled to RMS 1), TorchSharp",
        "hidden units per layer (--depth sets the hidden layer count, default 2)",
        LearnerTraits.BitTargets | LearnerTraits.RealTargets | LearnerTraits.InspectableLayers,
        request => new MlpParammoLearner(request)) { OptionsType = typeof(ProtectionSettings) };

    /// <summary>Protection as this run uses it: the record's defaults (element mode, RMS 1, no rounding) with its <c>--set</c> values.</summary>
    public ProtectionSettings Settings { get; } = Validated(LearnerOptionRecord.Bind<ProtectionSettings>(request.Settings.Options, Descriptor.Name));

    private static ProtectionSettings Validated(ProtectionSettings settings)
    {
        settings.Validate();
        return settings;
    }

    public int Depth { get; } = request.LayerDepth(Descriptor.Name, MlpLearner.DefaultDepth);

    protected override nn.Module<Tensor, Tensor> BuildNetwork() =>
        new ProtectedMlp(Request.Shape.InputWidth, Request.Size, Depth, Request.Shape.OutputWidth, Settings);
}
