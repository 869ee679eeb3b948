using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Digital.Learners;

/// <summary>A positional net (output t at bit position t) in the trainer's one-argument module shape, for a fixed number of outputs.</summary>
internal sealed class AtOutputsModule : nn.Module<Tensor, Tensor>
{
    private readonly Func<Tensor, int, Tensor> _forward;
    private readonly int _outputs;

    public AtOutputsModule(nn.Module net, Func<Tensor, int, Tensor> forward, int outputs) : base("at_outputs")
    {
        _forward = forward;
        _outputs = outputs;
        register_module("net", net);
    }

    public override Tensor forward(Tensor x) => _forward(x, _outputs);

    protected override void Dispose(bool disposing) { } // the learner owns the net
}
