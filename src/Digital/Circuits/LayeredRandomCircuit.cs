using LogicNets.Tasks.Data;
using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Circuits;

/// <summary>A layered circuit with random gates and wiring (each gate reads two nodes of the layer before): the benchmark workload.</summary>
public static class LayeredRandomCircuit
{
    /// <summary>The ten operations that read both inputs: a circuit of only these leaves an evaluator no wiring to fold.</summary>
    public static IReadOnlyList<GateOp> TwoInputOps { get; } = GateOps.All.Where(op => op.Dependencies() == (true, true)).ToArray();

    /// <summary>Gates draw their operation uniformly from <paramref name="ops"/> (all 16 when null, as <c>gatebench.c</c> does).</summary>
    public static HardCircuit Make(int inputs, int layers, int width, int seed, IReadOnlyList<GateOp>? ops = null)
    {
        ops ??= GateOps.All;
        var rng = new SplitMix64(seed);
        var gates = new List<Gate>(layers * width);
        int previousStart = 0, previousWidth = inputs;
        for (int layer = 0; layer < layers; layer++)
        {
            int start = inputs + gates.Count;
            for (int j = 0; j < width; j++)
                gates.Add(new Gate(ops[rng.Next(ops.Count)], previousStart + rng.Next(previousWidth), previousStart + rng.Next(previousWidth)));
            (previousStart, previousWidth) = (start, width);
        }
        return new HardCircuit(inputs, gates, Enumerable.Range(previousStart, previousWidth).ToArray());
    }
}
