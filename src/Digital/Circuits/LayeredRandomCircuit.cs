using LogicNets.Tasks.Data;
using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Circuits;

/// <summary>A layered circuit with random gates and wiring (each gate reads two nodes of the layer before): the benchmark workload.</summary>
public static class LayeredRandomCircuit
{
    public static HardCircuit Make(int inputs, int layers, int width, int seed)
    {
        var rng = new SplitMix64(seed);
        var gates = new List<Gate>(layers * width);
        int previousStart = 0, previousWidth = inputs;
        for (int layer = 0; layer < layers; layer++)
        {
            int start = inputs + gates.Count;
            for (int j = 0; j < width; j++)
                gates.Add(new Gate(GateOps.FromIndex(rng.Next(GateOps.Count)), previousStart + rng.Next(previousWidth), previousStart + rng.Next(previousWidth)));
            (previousStart, previousWidth) = (start, width);
        }
        return new HardCircuit(inputs, gates, Enumerable.Range(previousStart, previousWidth).ToArray());
    }
}
