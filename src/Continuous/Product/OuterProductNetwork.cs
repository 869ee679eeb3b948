using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Product;

/// <summary>
/// Second-order features feeding a linear layer: z = x (when the width equals the input width) or z = P·x, then
/// y = W·vec(z ⊗ z) + b. With z = x = (x1, x2) the features hold x1·x2 itself, so the product is exact with the four
/// weights of W and a zero bias — the possibility-space example of an architecture that covers its task.
/// </summary>
public sealed class OuterProductNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Linear? _projection;
    private readonly Linear _head;

    public OuterProductNetwork(int inputWidth, int width, int outputWidth) : base(nameof(OuterProductNetwork))
    {
        if (width < 1) throw new ArgumentException($"product width must be >= 1, got {width}");
        _projection = width == inputWidth ? null : nn.Linear(inputWidth, width, hasBias: false);
        _head = nn.Linear((long)width * width, outputWidth);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var z = _projection is null ? input : _projection.forward(input);
        var outer = z.unsqueeze(2) * z.unsqueeze(1);
        return _head.forward(outer.flatten(1));
    }
}
