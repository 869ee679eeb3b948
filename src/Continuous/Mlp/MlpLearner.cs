using LogicNets.Continuous.Training;
using LogicNets.Tasks.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Mlp;

/// <summary>
/// <c>mlp</c> — a plain multilayer perceptron: <c>depth</c> hidden ReLU layers of <c>size</c> units and a linear
/// output (one logit per output bit, or one value per real target).
/// </summary>
public sealed class MlpLearner(LearnerRequest request) : TorchLearner(Descriptor.Name, request, defaultLearningRate: 3e-3)
{
    public const int DefaultDepth = 2;

    public static readonly ModelDescriptor Descriptor = new(
        "mlp",
        "multilayer perceptron (ReLU, Adam; BCE per output bit or MSE), TorchSharp",
        "hidden units per layer (--depth sets the hidden layer count, default 2)",
        LearnerTraits.BitTargets | LearnerTraits.RealTargets | LearnerTraits.InspectableLayers,
        request => new MlpLearner(request));

    public int Depth { get; } = request.LayerDepth(Descriptor.Name, DefaultDepth);

    protected override nn.Module<Tensor, Tensor> BuildNetwork() =>
        MlpNetwork.Create(Request.Shape.InputWidth, Request.Size, Depth, Request.Shape.OutputWidth);
}
