using LogicNets.Digital.Evaluation;
using LogicNets.Digital.Networks;
using LogicNets.Digital.Relaxation;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using static TorchSharp.torch;

namespace LogicNets.Tests.Digital;

public class ConvGateNetworkTests
{
    /// <summary>
    /// The relaxed net in straight-through mode and its unrolled hard circuit agree on every row of add:3 (with and
    /// without a carry-in bit), at the task's own output count, at a prefix of it and past the operand width.
    /// </summary>
    [Theory]
    [InlineData("add:3", 4, 1, GateForm.Softmax16)]
    [InlineData("add:3", 2, 2, GateForm.InputWise)]
    [InlineData("add:3", 6, 3, GateForm.Softmax16)]
    [InlineData("add:3:carry", 4, 4, GateForm.Softmax16)]
    public void InStraightThroughModeTheNetIsItsUnrolledCircuit(string taskName, int outputs, int seed, GateForm form)
    {
        using var scope = NewDisposeScope();
        var data = TaskDataFactory.Create(TaskName.Parse(taskName), new SplitOptions { TrainFraction = 1 }).Train;
        manual_seed(seed);
        using var net = new ConvGateNetwork("net", channels: 3, depth: 4, carryIn: data.InputWidth % 2 == 1, seed, residualBias: 1, CPU, form);
        net.StraightThrough = true;
        var choices = net.HardChoices();
        // Some wire reads position t − 1 and some reads a layer it skips, or the test could not see either mapped wrongly.
        Assert.Contains(choices.Layers, layer => layer.A.Concat(layer.B).Any(i => IsPreviousPosition(i, net)));
        Assert.Contains(choices.Layers.Skip(1), layer => layer.A.Concat(layer.B).Any(i => i < layer.InputWidth - 2 * net.Channels));
        using var noGrad = no_grad();
        var relaxed = net.Forward(tensor(data.Inputs, [data.Rows, data.InputWidth]), outputs).data<float>().ToArray().Select(v => MathF.Round(v, 4)).ToArray();
        var circuit = ConvGateNetwork.Unroll(choices, data.InputWidth, outputs);
        var hard = new SimdEvaluator().Evaluate(new CompiledCircuit(circuit), PackedBits.FromInputs(data)).ToRows();
        Assert.Equal(hard, relaxed);
    }

    /// <summary>Whether candidate <paramref name="index"/> reads a map at position t − 1 (see the net's remarks).</summary>
    private static bool IsPreviousPosition(int index, ConvGateNetwork net)
    {
        foreach (int width in new[] { net.BaseChannels }.Concat(Enumerable.Repeat(net.Channels, net.Layers.Count - 1)))
        {
            if (index < 2 * width) return index >= width;
            index -= 2 * width;
        }
        return false;
    }
}
