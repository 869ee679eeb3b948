using LogicNets.Continuous.Gramo;
using LogicNets.Continuous.Product;
using LogicNets.Continuous.Spl;
using LogicNets.Continuous.Training;
using LogicNets.Tasks.Learning;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LogicNets.Diagnostics.Inspection;

/// <summary>Turns a TorchSharp network (or a trained learner) into the ordered stages the diagnostics inspect.</summary>
public static class LayerStack
{
    /// <summary>Stages of a learner's trained network; a learner without a TorchSharp network is refused by name.</summary>
    public static IReadOnlyList<LayerStage> Of(ILearner learner) =>
        Of(AsTorchLearner(learner).Network ?? throw new InvalidOperationException($"{learner.Model}: diagnose needs a trained network"));

    /// <summary>The learner as a TorchSharp learner, or an exception saying it has no weight matrices to inspect.</summary>
    public static TorchLearner AsTorchLearner(ILearner learner) => learner as TorchLearner
        ?? throw new NotSupportedException($"diagnose cannot inspect '{learner.Model}': it has no weight matrices");

    /// <summary>Stages of a network built from Linear/ReLU sequences, protected MLPs, SPL stacks or outer-product layers.</summary>
    public static IReadOnlyList<LayerStage> Of(nn.Module<Tensor, Tensor> network) => network switch
    {
        Sequential sequential => FromSequential(sequential),
        ProtectedMlp protectedMlp => protectedMlp.Layers
            .Select((layer, index) => new LayerStage($"linear{index}", "Linear", layer.weight, layer.bias, index < protectedMlp.Layers.Count - 1))
            .ToList(),
        SplNetwork spl => [
            .. spl.Layers.Select((layer, index) => new LayerStage($"spl{index}", "SparseProtoLinear", layer.Computation.weight, layer.Computation.bias, false, layer.forward)),
            Affine("readout", spl.Readout, relu: false),
        ],
        OuterProductNetwork product => [new LayerStage("outer-product", "OuterProductNetwork", null, null, false, product.forward)],
        _ => throw new NotSupportedException($"diagnose cannot inspect a network of type {network.GetType().Name}"),
    };

    private static List<LayerStage> FromSequential(Sequential sequential)
    {
        var stages = new List<LayerStage>();
        foreach (var (name, module) in sequential.named_children())
        {
            switch (module)
            {
                case Linear linear:
                    stages.Add(Affine(name, linear, relu: false));
                    break;
                case ReLU when stages.Count > 0 && stages[^1].IsAffine && !stages[^1].Relu:
                    stages[^1] = stages[^1] with { Relu = true };
                    break;
                default:
                    throw new NotSupportedException($"diagnose cannot inspect layer '{name}' of type {module.GetType().Name} (it knows Linear and ReLU)");
            }
        }
        return stages;
    }

    private static LayerStage Affine(string name, Linear linear, bool relu) => new(name, "Linear", linear.weight, linear.bias, relu);
}
