using LogicNets.Tasks.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Spl;

/// <summary><c>spl</c> — a stack of Sparse Proto Linear layers (M-SAPS meta-learning as an option) and a linear readout.</summary>
public sealed class SplLearner(LearnerRequest request)
    : SparseMetaLearner(Descriptor.Name, request, defaultLearningRate: 3e-2,
        LearnerOptionRecord.Bind<SplOptions>(request.Settings.Options, Descriptor.Name).ResolveKernel(request.Size))
{
    public const int DefaultDepth = 2;

    public static readonly ModelDescriptor Descriptor = new(
        "spl",
        "Sparse Proto Linear layers (prototype/gate expert masks; M-SAPS meta-learning with --set msaps=true) + linear readout, TorchSharp",
        "experts per layer (--depth sets the SPL layer count, default 2)",
        LearnerTraits.BitTargets | LearnerTraits.RealTargets | LearnerTraits.InspectableLayers | LearnerTraits.LayerTelemetry,
        request => new SplLearner(request)) { OptionsType = typeof(SplOptions) };

    public int Depth { get; } = request.LayerDepth(Descriptor.Name, DefaultDepth);

    protected override nn.Module<Tensor, Tensor> BuildNetwork() =>
        new SplNetwork(Request.Shape.InputWidth, Request.Size, Depth, Request.Shape.OutputWidth, Options);

    protected override IReadOnlyList<(string Name, SparseProtoLinear Layer)> SparseLayers(nn.Module<Tensor, Tensor> network) =>
        ((SplNetwork)network).Layers.Select((layer, index) => ($"spl{index}", layer)).ToList();
}
