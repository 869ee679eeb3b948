using LogicNets.Continuous.Training;
using LogicNets.Tasks.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Product;

/// <summary><c>product</c> — the outer-product layer learner (<see cref="OuterProductNetwork"/>).</summary>
public sealed class ProductLearner(LearnerRequest request) : TorchLearner(Descriptor.Name, request, DefaultLearningRate(request.Size))
{
    public static readonly ModelDescriptor Descriptor = new(
        "product",
        "outer product of the (projected) input with itself feeding a linear layer, TorchSharp",
        "width of the projected input; equal to the input width means no projection (product: size 2 = 5 parameters)",
        LearnerTraits.BitTargets | LearnerTraits.RealTargets | LearnerTraits.InspectableLayers,
        request => new ProductLearner(request));

    /// <summary>0.3 at width 2, falling as 1/width: the head's fan-in grows as width², and a fixed rate that settles
    /// the 4-feature head exactly makes the wide ones oscillate (measured: width 64 failed at 0.3).</summary>
    public static double DefaultLearningRate(int width) => 0.6 / Math.Max(1, width);

    protected override bool AnnealLearningRate => true;

    protected override nn.Module<Tensor, Tensor> BuildNetwork() =>
        new OuterProductNetwork(Request.Shape.InputWidth, Request.Size, Request.Shape.OutputWidth);
}
