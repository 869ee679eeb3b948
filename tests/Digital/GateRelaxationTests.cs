using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogicNets.Digital.Gates;
using LogicNets.Digital.Relaxation;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Tests.Digital;

public class GateRelaxationTests
{
    [Fact]
    public void AtTheCornersEveryRelaxedGateIsTheHardGate()
    {
        using var scope = NewDisposeScope();
        var table = GateRelaxation.CoefficientTable(CPU);
        var a = tensor(new float[] { 0, 0, 1, 1 }).reshape(4, 1);
        var b = tensor(new float[] { 0, 1, 0, 1 }).reshape(4, 1);
        foreach (var gate in GateOps.All)
        {
            var logits = full(1, 16, -1000f);
            logits[0, (int)gate] = 1000f;
            var relaxed = GateRelaxation.Apply(a, b, GateRelaxation.MixtureCoefficients(logits, table)).data<float>().ToArray();
            bool[] expected = [gate.Apply(false, false), gate.Apply(false, true), gate.Apply(true, false), gate.Apply(true, true)];
            Assert.Equal(expected.Select(e => e ? 1f : 0f), relaxed);
            for (int corner = 0; corner < 4; corner++)
                Assert.Equal(expected[corner] ? ulong.MaxValue : 0UL, gate.Apply(corner >= 2 ? ulong.MaxValue : 0, corner % 2 == 1 ? ulong.MaxValue : 0));
        }
    }

    [Fact]
    public void InputWiseGatesAreEverySixteenFunctionAtTheCornersAndDiscretiseToIt()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 0, 0, 1, 1 }).reshape(4, 1);
        var b = tensor(new float[] { 0, 1, 0, 1 }).reshape(4, 1);
        foreach (var gate in GateOps.All)
        {
            bool[] expected = [gate.Apply(false, false), gate.Apply(false, true), gate.Apply(true, false), gate.Apply(true, true)];
            var corners = expected.Select(e => e ? 30f : -30f).ToArray();
            Assert.Equal(gate, GateRelaxation.CornerGate(corners));
            foreach (bool straightThrough in new[] { false, true })
            {
                var relaxed = GateRelaxation.Apply(a, b, GateRelaxation.CornerCoefficients(tensor(corners).reshape(1, 4), straightThrough));
                Assert.Equal(expected.Select(e => e ? 1f : 0f), relaxed.data<float>().ToArray().Select(v => MathF.Round(v, 5)));
            }
        }
    }

    [Property(MaxTest = 60)]
    public Property InputWiseCoefficientFormEqualsItsCornerDefinitionAndItsGradientDoesNotVanishAtTheStart() =>
        Prop.ForAll(
            (from seed in Gen.Choose(0, 100000) from neurons in Gen.Choose(1, 40) from batch in Gen.Choose(1, 50) select (seed, neurons, batch)).ToArbitrary(),
            c =>
            {
                using var scope = NewDisposeScope();
                var generator = new Generator((ulong)c.seed);
                var corners = randn(c.neurons, 4, generator: generator).requires_grad_(true);
                var a = rand(c.batch, c.neurons, generator: generator);
                var b = rand(c.batch, c.neurons, generator: generator);
                var fast = GateRelaxation.Apply(a, b, GateRelaxation.CornerCoefficients(corners, straightThrough: false));
                var reference = GateRelaxation.ApplyCornerReference(a, b, corners);
                fast.sum().backward();
                // Unlike the 16-way softmax at a uniform start, every corner logit gets a gradient from every row.
                bool gradient = corners.grad!.abs().min().item<float>() > 0;
                return fast.allclose(reference, rtol: 1e-5, atol: 1e-5) && gradient;
            });

    [Fact]
    public void GateNamesMatchTheirTruthTables()
    {
        bool[][] truth = // f(0,0), f(0,1), f(1,0), f(1,1)
        [
            [false, false, false, false], [false, false, false, true], [false, false, true, false], [false, false, true, true],
            [false, true, false, false], [false, true, false, true], [false, true, true, false], [false, true, true, true],
            [true, false, false, false], [true, false, false, true], [true, false, true, false], [true, false, true, true],
            [true, true, false, false], [true, true, false, true], [true, true, true, false], [true, true, true, true],
        ];
        for (int g = 0; g < 16; g++)
            Assert.Equal(truth[g], new[] { GateOps.FromIndex(g).Apply(false, false), GateOps.FromIndex(g).Apply(false, true), GateOps.FromIndex(g).Apply(true, false), GateOps.FromIndex(g).Apply(true, true) });
    }

    [Property(MaxTest = 60)]
    public Property CoefficientFormEqualsTheSixteenFunctionMixture() =>
        Prop.ForAll(
            (from seed in Gen.Choose(0, 100000) from neurons in Gen.Choose(1, 40) from batch in Gen.Choose(1, 50) from scale in Gen.Choose(1, 20)
             select (seed, neurons, batch, scale)).ToArbitrary(),
            c =>
            {
                using var scope = NewDisposeScope();
                var generator = new Generator((ulong)c.seed);
                var logits = randn(c.neurons, 16, generator: generator) * c.scale;
                var a = rand(c.batch, c.neurons, generator: generator);
                var b = rand(c.batch, c.neurons, generator: generator);
                var fast = GateRelaxation.Apply(a, b, GateRelaxation.MixtureCoefficients(logits, GateRelaxation.CoefficientTable(CPU)));
                var reference = GateRelaxation.ApplyReference(a, b, logits);
                return fast.allclose(reference, rtol: 1e-5, atol: 1e-5) && fast.min().item<float>() >= -1e-5 && fast.max().item<float>() <= 1 + 1e-5;
            });
}
