using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Spl;

/// <summary>
/// A stack of SPL layers and a linear readout. The expert masks are the only non-linearity (each layer is a gated
/// linear map); the readout is a plain Linear so every output has a value even when all experts of the last layer
/// are silent.
/// </summary>
public sealed class SplNetwork : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<SparseProtoLinear> _layers = new();
    private readonly Linear _readout;

    public SplNetwork(int inputWidth, int width, int depth, int outputWidth, SplOptions options) : base(nameof(SplNetwork))
    {
        int fanIn = inputWidth;
        for (int layer = 0; layer < depth; layer++)
        {
            _layers.Add(new SparseProtoLinear(fanIn, width, options));
            fanIn = width;
        }
        _readout = nn.Linear(fanIn, outputWidth);
        RegisterComponents();
    }

    public IReadOnlyList<SparseProtoLinear> Layers => [.. _layers];

    public Linear Readout => _readout;

    public override Tensor forward(Tensor input)
    {
        var activation = input;
        foreach (var layer in _layers) activation = layer.forward(activation);
        return _readout.forward(activation);
    }
}
