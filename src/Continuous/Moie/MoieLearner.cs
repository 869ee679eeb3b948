using LogicNets.Continuous.Spl;
using LogicNets.Continuous.Torch;
using LogicNets.Tasks.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Moie;

/// <summary><c>moie</c> — input bits as tokens through DynSIHA attention and MoIE feed-forward blocks (all projections SPLs; routing frozen at a data-aware start by default).</summary>
public sealed class MoieLearner(LearnerRequest request)
    : SparseMetaLearner(Descriptor.Name, request, defaultLearningRate: 3e-3,
        LearnerOptionRecord.Bind<MoieOptions>(request.Settings.Options, Descriptor.Name).ResolveKernel(WidthOf(request.Size)))
{
    public const int DefaultDepth = 2;

    public static readonly ModelDescriptor Descriptor = new(
        "moie",
        "bits as tokens: DynSIHA attention (SPL Q/K/V/O, one wide head, rotary) + MoIE FFN (two SPLs), PRC across blocks, prototypes and gates frozen at a data-aware start (M-SAPS as an option), TorchSharp",
        "model width, rounded up to even (--depth sets the block count, default 2)",
        LearnerTraits.BitTargets | LearnerTraits.RealTargets | LearnerTraits.LayerTelemetry,
        request => new MoieLearner(request)) { OptionsType = typeof(MoieOptions) };

    public int Depth { get; } = request.LayerDepth(Descriptor.Name, DefaultDepth);

    /// <summary>The size rounded up to even: rotary positions rotate feature pairs.</summary>
    public int Width => WidthOf(Request.Size);

    private static int WidthOf(int size) => size + size % 2;

    /// <summary>Each row becomes inputs × width token features: keep a chunk's activations to a few megabytes.</summary>
    protected override int PredictChunk => Math.Max(64, 262144 / (Request.Shape.InputWidth * Width));

    protected override void BeginFit(nn.Module<Tensor, Tensor> network, Tensor inputs, int seed)
    {
        // Measured to pay for moie's fused kernels only (NativeHeap).
        if (Options.Kernel == SplKernel.Fused && Device.type == DeviceType.CPU) NativeHeap.KeepFreedMemory();
        base.BeginFit(network, inputs, seed);
    }

    protected override nn.Module<Tensor, Tensor> BuildNetwork() =>
        new MoieNetwork(Request.Shape.InputWidth, Width, Depth, Request.Shape.OutputWidth, (MoieOptions)Options);

    protected override IReadOnlyList<(string Name, SparseProtoLinear Layer)> SparseLayers(nn.Module<Tensor, Tensor> network) =>
        ((MoieNetwork)network).SparseLayers;

    protected override IReadOnlyList<IReadOnlyList<SparseProtoLinear>> SeedingPasses(nn.Module<Tensor, Tensor> network) =>
        ((MoieNetwork)network).SeedingPasses;
}
