using LogicNets.Continuous.Mlp;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Gramo;

/// <summary>
/// A plain ReLU MLP (no residuals, no normalisation) with gradient-length protection at two placements: each
/// weight (its whole gradient as one row) and each layer's output (the main chain, per sample). Biases are not
/// protected: their gradient is the output gradient summed over the batch, which the output placement already scales.
/// The forward pass is the plain MLP's bit for bit; the protection only acts in backward, so every weight gradient
/// has RMS = the scaling factor at any depth.
/// </summary>
public sealed class ProtectedMlp : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> _layers;
    private readonly ProtectionSettings _settings;

    public ProtectedMlp(int inputWidth, int width, int depth, int outputWidth, ProtectionSettings settings)
        : base(nameof(ProtectedMlp))
    {
        settings.Validate();
        _settings = settings;
        _layers = new ModuleList<Linear>();
        foreach (var layer in MlpNetwork.Layers(inputWidth, width, depth, outputWidth)) _layers.Add(layer);
        RegisterComponents();
    }

    /// <summary>The Linear layers, input first.</summary>
    public IReadOnlyList<Linear> Layers => [.. _layers];

    public override Tensor forward(Tensor input)
    {
        var activation = input;
        for (int index = 0; index < _layers.Count; index++)
        {
            var layer = _layers[index];
            var weight = GradientLengthProtection.ApplyAsOneRow(layer.weight!, _settings);
            var output = GradientLengthProtection.Apply(nn.functional.linear(activation, weight, layer.bias!), _settings);
            activation = index < _layers.Count - 1 ? nn.functional.relu(output) : output;
        }
        return activation;
    }
}
