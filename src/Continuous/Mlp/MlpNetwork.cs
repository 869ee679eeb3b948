using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Mlp;

/// <summary>The plain MLP stack: <c>depth</c> Linear+ReLU layers of <c>width</c> units and a linear output layer.</summary>
public static class MlpNetwork
{
    /// <summary>
    /// The Linear layers, input first, created in order: the plain stack and <see cref="Gramo.ProtectedMlp"/> both
    /// take their layers from here, so one seed gives both the same weights.
    /// </summary>
    public static List<Linear> Layers(int inputWidth, int width, int depth, int outputWidth)
    {
        var layers = new List<Linear>();
        int fanIn = inputWidth;
        for (int layer = 0; layer < depth; layer++)
        {
            layers.Add(nn.Linear(fanIn, width));
            fanIn = width;
        }
        layers.Add(nn.Linear(fanIn, outputWidth));
        return layers;
    }

    /// <summary>Builds the stack as a Sequential: linearK and reluK per hidden layer, then output.</summary>
    public static nn.Module<Tensor, Tensor> Create(int inputWidth, int width, int depth, int outputWidth)
    {
        var linears = Layers(inputWidth, width, depth, outputWidth);
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int layer = 0; layer < depth; layer++)
        {
            modules.Add(($"linear{layer}", linears[layer]));
            modules.Add(($"relu{layer}", nn.ReLU()));
        }
        modules.Add(("output", linears[^1]));
        return nn.Sequential(modules);
    }
}
