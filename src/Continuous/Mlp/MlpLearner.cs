using LogicNets.Continuous.Training;
using LogicNets.Tasks.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Mlp;

/// <summary>
/// <c>mlp</c> — a plain multilayer perceptron: <c>depth</c> hidden ReLU layers of <c>size</c> units and a linear
/// output (one logit per output bit, or one value per real target).
/// </summary>
public sealed class MlpLearner(LearnerRequest request) : TorchLearner(request, defaultLearningRate: 3e-3)
{
    public const int DefaultDepth = 2;

    public static readonly ModelDescriptor Descriptor = new(
        "mlp",
        "multilayer perceptron (ReLU, Adam; BCE per output bit or MSE), TorchSharp",
        "hidden units per layer (--depth sets the hidden layer count, default 2)",
        request => new MlpLearner(request));

    public override string Model => "mlp";

    public int Depth { get; } = request.Settings.Depth is < 1
        ? throw new ArgumentException($"mlp depth must be >= 1, got {request.Settings.Depth}")
        : request.Settings.Depth ?? DefaultDepth;

    public override long ParameterCount
    {
        get
        {
            long count = 0;
            int fanIn = Request.Shape.InputWidth;
            for (int layer = 0; layer < Depth; layer++)
            {
                count += (long)fanIn * Request.Size + Request.Size;
                fanIn = Request.Size;
            }
            return count + (long)fanIn * Request.Shape.OutputWidth + Request.Shape.OutputWidth;
        }
    }

    protected override nn.Module<Tensor, Tensor> BuildNetwork()
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        int fanIn = Request.Shape.InputWidth;
        for (int layer = 0; layer < Depth; layer++)
        {
            layers.Add(($"linear{layer}", nn.Linear(fanIn, Request.Size)));
            layers.Add(($"relu{layer}", nn.ReLU()));
            fanIn = Request.Size;
        }
        layers.Add(("output", nn.Linear(fanIn, Request.Shape.OutputWidth)));
        return nn.Sequential(layers);
    }
}
