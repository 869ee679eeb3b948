using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogicNets.Digital.Networks;
using LogicNets.Digital.Relaxation;
using static TorchSharp.torch;

namespace LogicNets.Tests.Digital;

public class FusedGateKernelTests
{
    /// <summary>
    /// The fused kernel is the libtorch coefficient form computed in another order: same outputs, same gradients for
    /// every parameter and for the input, in both gate forms, relaxed and straight-through, at batches that are and are
    /// not whole SIMD vectors, and with one input (every neuron then reads the same row twice).
    /// </summary>
    [Property(MaxTest = 40)]
    public Property FusedNetworkEqualsTheLibtorchNetworkInValueAndGradient() =>
        Prop.ForAll(
            (from seed in Gen.Choose(1, 100000)
             from inputs in Gen.Choose(1, 9)
             from width in Gen.Choose(1, 24)
             from depth in Gen.Choose(0, 3)
             from outputs in Gen.Choose(1, 4)
             from batch in Gen.Choose(1, 40)
             from inputWise in Gen.Elements(false, true)
             from straightThrough in Gen.Elements(false, true)
             select (seed, inputs, width, depth, outputs, batch, inputWise, straightThrough)).ToArbitrary(),
            c =>
            {
                using var scope = NewDisposeScope();
                var form = c.inputWise ? GateForm.InputWise : GateForm.Softmax16;
                GateNetwork Build(GateKernel kernel)
                {
                    manual_seed(c.seed);
                    return new GateNetwork("net", c.inputs, c.width, c.depth, c.outputs, Wiring.FixedRandom, c.seed, residualBias: 1, CPU,
                        form: form, kernel: kernel) { StraightThrough = c.straightThrough };
                }
                using var fused = Build(GateKernel.Fused);
                using var plain = Build(GateKernel.Libtorch);
                Assert.All(fused.Layers, l => Assert.True(l.Fused));
                Assert.All(plain.Layers, l => Assert.False(l.Fused));
                var x = rand(c.batch, c.inputs, generator: new Generator((ulong)c.seed));
                var target = rand(c.batch, c.outputs, generator: new Generator((ulong)c.seed + 1));
                (Tensor Output, Tensor InputGradient, Tensor[] Gradients) Run(GateNetwork net)
                {
                    var input = x.clone().requires_grad_(true);
                    var output = net.forward(input);
                    (output - target).square().sum().backward();
                    return (output.detach(), input.grad!, net.parameters().Select(p => p.grad!).ToArray());
                }
                var (fusedOut, fusedInput, fusedGrads) = Run(fused);
                var (plainOut, plainInput, plainGrads) = Run(plain);
                return fusedOut.allclose(plainOut, rtol: 1e-5, atol: 1e-5)
                    && fusedInput.allclose(plainInput, rtol: 1e-4, atol: 1e-5)
                    && fusedGrads.Length == plainGrads.Length
                    && fusedGrads.Zip(plainGrads).All(p => p.First.allclose(p.Second, rtol: 1e-4, atol: 1e-5));
            });

    [Fact]
    public void LearnableWiringAndTheLibtorchChoiceKeepTheLibtorchPath()
    {
        using var scope = NewDisposeScope();
        using var wired = new GateNetwork("net", 5, 8, 2, 2, Wiring.Learnable, 1, residualBias: 0, CPU, kernel: GateKernel.Fused);
        Assert.All(wired.Layers, l => Assert.False(l.Fused));
    }

    [Fact]
    public void BadShapesAreRefusedWithTheirSizes()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            FusedGateKernel.Forward(new float[10], 4, new float[4], [0], [0], new float[4]));
        Assert.Contains("not whole rows of batch 4", error.Message);
        error = Assert.Throws<ArgumentException>(() =>
            FusedGateKernel.Forward(new float[8], 4, new float[4], [0], [1, 0], new float[4]));
        Assert.Contains("wire lists differ", error.Message);
    }
}
