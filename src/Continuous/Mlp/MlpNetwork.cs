using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Mlp;

/// <summary>The plain MLP stack: <c>depth</c> Linear+ReLU layers of <c>width</c> units and a linear output layer.</summary>
public static class MlpNetwork
{
    /// <summary>Builds the stack. Layers are created in order, so one seed gives the same weights as <see cref="Gramo.ProtectedMlp"/>.</summary>
    public static nn.Module<Tensor, Tensor> Create(int inputWidth, int width, int depth, int outputWidth)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        int fanIn = inputWidth;
        for (int layer = 0; layer < depth; layer++)
        {
            layers.Add(($"linear{layer}", nn.Linear(fanIn, width)));
            layers.Add(($"relu{layer}", nn.ReLU()));
            fanIn = width;
        }
        layers.Add(("output", nn.Linear(fanIn, outputWidth)));
        return nn.Sequential(layers);
    }

    /// <summary>Trainable parameters of <see cref="Create"/>'s stack.</summary>
    public static long ParameterCount(int inputWidth, int width, int depth, int outputWidth)
    {
        long count = 0;
        int fanIn = inputWidth;
        for (int layer = 0; layer < depth; layer++)
        {
            count += (long)fanIn * width + width;
            fanIn = width;
        }
        return count + (long)fanIn * outputWidth + outputWidth;
    }
}
