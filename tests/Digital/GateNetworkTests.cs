using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Digital.Networks;
using LogicNets.Digital.Relaxation;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Tests.Digital;

public class GateNetworkTests
{
    /// <summary>The 7-input net of three 12-gate layers and 3 outputs these tests check on all 128 rows, torch's generator seeded first.</summary>
    private static GateNetwork SmallNet(Wiring wiring, int seed, double residualBias, GateForm form = GateForm.Softmax16, bool skipWiring = false)
    {
        manual_seed(seed);
        return new GateNetwork("net", inputs: 7, width: 12, depth: 3, outputs: 3, wiring, seed, residualBias, CPU, form: form, skipWiring: skipWiring);
    }

    [Theory]
    [InlineData(Wiring.FixedRandom, 1)]
    [InlineData(Wiring.FixedRandom, 2)]
    [InlineData(Wiring.Learnable, 3)]
    [InlineData(Wiring.Learnable, 4)]
    public void OneHotRelaxedNetAndItsHardCircuitAgreeOnEveryInput(Wiring wiring, int seed)
    {
        using var scope = NewDisposeScope();
        using var net = SmallNet(wiring, seed, residualBias: 0);
        OneHotEverywhere(net);
        var data = TaskDataFactory.Create(TaskName.Parse("parity:7:7"), new SplitOptions { TrainFraction = 1 }).Train; // all 128 rows
        using var noGrad = no_grad();
        var relaxed = net.forward(tensor(data.Inputs, [data.Rows, 7])).data<float>().ToArray();
        Assert.All(relaxed, v => Assert.True(v is 0f or 1f, $"one-hot net output {v} is not a bit"));
        var circuit = net.ToCircuit();
        var hard = new SimdEvaluator().Evaluate(new CompiledCircuit(circuit), PackedBits.FromInputs(data)).ToRows();
        Assert.Equal(relaxed, hard);
        var simplified = new SimdEvaluator().Evaluate(new CompiledCircuit(CircuitSimplifier.Simplify(circuit)), PackedBits.FromInputs(data)).ToRows();
        Assert.Equal(relaxed, simplified);
    }

    [Theory]
    [InlineData(Wiring.FixedRandom, 5)]
    [InlineData(Wiring.Learnable, 6)]
    public void AnInputWiseNetInStraightThroughModeIsItsHardCircuitOnEveryInput(Wiring wiring, int seed)
    {
        using var scope = NewDisposeScope();
        using var net = SmallNet(wiring, seed, residualBias: 2, GateForm.InputWise);
        Assert.Equal(4 * (12 * 3 + 3) + (wiring == Wiring.Learnable ? 2 * (7 * 12 + 12 * 12 * 2 + 12 * 3) : 0), net.ParameterCount);
        AssertStraightThroughIsItsCircuit(net, CircuitSimplifier.Simplify(net.ToCircuit()));
    }

    [Theory]
    [InlineData(GateForm.Softmax16, 7)]
    [InlineData(GateForm.InputWise, 8)]
    public void ASkipWiredNetInStraightThroughModeIsItsHardCircuitOnEveryInput(GateForm form, int seed)
    {
        using var scope = NewDisposeScope();
        using var net = SmallNet(Wiring.Learnable, seed, residualBias: 2, form, skipWiring: true);
        net.WireTopK = 4;
        // Layer l's wires choose among the 7 inputs and the 12 gates of each earlier layer.
        Assert.Equal([7, 19, 31, 43], net.Layers.Select(l => l.InputWidth));
        // Some wire skips a layer, or the test would not show that a skip lands on the right node.
        Assert.Contains(net.HardChoices().Layers.Skip(1), layer => layer.A.Concat(layer.B).Any(i => i < layer.InputWidth - 12));
        AssertStraightThroughIsItsCircuit(net, net.ToCircuit());
        Assert.Throws<ArgumentException>(() => new GateNetwork("fixed", 7, 12, 3, 3, Wiring.FixedRandom, seed, 0, CPU, skipWiring: true));
    }

    /// <summary>The net in straight-through mode (7 inputs) and <paramref name="circuit"/> agree on all 128 rows.</summary>
    private static void AssertStraightThroughIsItsCircuit(GateNetwork net, HardCircuit circuit)
    {
        net.StraightThrough = true;
        var data = TaskDataFactory.Create(TaskName.Parse("parity:7:7"), new SplitOptions { TrainFraction = 1 }).Train;
        using var noGrad = no_grad();
        var relaxed = net.forward(tensor(data.Inputs, [data.Rows, 7])).data<float>().ToArray().Select(v => MathF.Round(v, 4)).ToArray();
        var hard = new SimdEvaluator().Evaluate(new CompiledCircuit(circuit), PackedBits.FromInputs(data)).ToRows();
        Assert.Equal(hard, relaxed);
    }

    /// <summary>Makes every gate choice and wire selector of the net one-hot at its argmax.</summary>
    private static void OneHotEverywhere(GateNetwork net)
    {
        using var noGrad = no_grad();
        foreach (var layer in net.Layers)
        {
            OneHot(layer.Logits);
            if (layer.WireLogits is { } wires)
            {
                OneHot(wires.A);
                OneHot(wires.B);
            }
        }
    }

    /// <summary>Replaces each row by a one-hot at its argmax, scaled so the softmax is exactly one-hot in float32.</summary>
    private static void OneHot(Tensor logits)
    {
        var hot = nn.functional.one_hot(logits.argmax(1), logits.shape[1]).to_type(ScalarType.Float32) * 200f;
        logits.copy_(hot);
    }

    [Fact]
    public void ForwardAndReferenceForwardAgree()
    {
        using var scope = NewDisposeScope();
        manual_seed(9);
        using var net = new GateNetwork("net", 10, 32, 4, 2, Wiring.Learnable, 9, residualBias: 2, CPU);
        var x = rand(64, 10);
        Assert.True(net.forward(x).allclose(net.ForwardReference(x), rtol: 1e-5, atol: 1e-6));
    }

    [Theory]
    [InlineData(Wiring.FixedRandom, 3)]
    [InlineData(Wiring.Learnable, 5)]
    public void WithAGroupSumHeadTheRelaxedMajorityAndTheCircuitAgreeOnEveryInput(Wiring wiring, int group)
    {
        using var scope = NewDisposeScope();
        manual_seed(group);
        using var net = new GateNetwork("net", inputs: 7, width: 12, depth: 2, outputs: 3, wiring, group, residualBias: 0, CPU, outputGroup: group);
        Assert.Equal(ExpectedParameters(7, 12, 2, 3 * group, wiring), net.ParameterCount);
        Assert.Equal(3 * group, net.Layers[^1].Width);
        OneHotEverywhere(net);
        var data = TaskDataFactory.Create(TaskName.Parse("parity:7:7"), new SplitOptions { TrainFraction = 1 }).Train;
        using var noGrad = no_grad();
        var relaxed = net.forward(tensor(data.Inputs, [data.Rows, 7])).data<float>().Select(p => p > 0.5f ? 1f : 0f).ToArray();
        var circuit = net.ToCircuit();
        Assert.Equal(3, circuit.Outputs.Count);
        var hard = new SimdEvaluator().Evaluate(new CompiledCircuit(CircuitSimplifier.Simplify(circuit)), PackedBits.FromInputs(data)).ToRows();
        Assert.Equal(relaxed, hard);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void MajorityNetworkIsOneExactlyWhenMoreThanHalfItsInputsAre(int k)
    {
        var gates = new List<Gate>();
        int majority = MajorityNetwork.Append(gates, k, Enumerable.Range(0, k).ToArray());
        var circuit = CircuitSimplifier.Simplify(new HardCircuit(k, gates, [majority]));
        for (int row = 0; row < 1 << k; row++)
        {
            var bits = Enumerable.Range(0, k).Select(i => ((row >> i) & 1) != 0).ToArray();
            Assert.Equal(System.Numerics.BitOperations.PopCount((uint)row) > k / 2, circuit.Evaluate(bits)[0]);
        }
        Assert.Throws<ArgumentException>(() => MajorityNetwork.Append([], 4, [0, 1, 2, 3]));
    }

    /// <summary>The closed form of a gate network's size: 16 gate logits per neuron, plus two wire selectors over the
    /// layer's inputs per neuron when wiring is learnable.</summary>
    private static long ExpectedParameters(int inputs, int width, int depth, int outputGates, Wiring wiring)
    {
        long count = 0;
        int fanIn = inputs;
        for (int layer = 0; layer <= depth; layer++)
        {
            int layerWidth = layer < depth ? width : outputGates;
            count += layerWidth * 16L + (wiring == Wiring.Learnable ? 2L * layerWidth * fanIn : 0);
            fanIn = layerWidth;
        }
        return count;
    }
}
