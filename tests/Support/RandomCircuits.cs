using FsCheck;
using FsCheck.Fluent;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;

namespace LogicNets.Tests.Support;

/// <summary>Random well-formed hard circuits for property tests.</summary>
public static class RandomCircuits
{
    public static HardCircuit Make(int seed, int inputs, int gates, int outputs)
    {
        var rng = new Random(seed);
        var list = new List<Gate>();
        for (int g = 0; g < gates; g++)
        {
            int nodes = inputs + g;
            // Bias toward recent nodes so circuits get deep, as trained nets are.
            int Pick() => rng.Next(4) == 0 ? rng.Next(nodes) : Math.Max(0, nodes - 1 - rng.Next(Math.Min(nodes, 2 * inputs)));
            list.Add(new Gate(GateOps.FromIndex(rng.Next(16)), Pick(), Pick()));
        }
        var outs = Enumerable.Range(0, outputs).Select(_ => rng.Next(inputs + gates)).ToArray();
        return new HardCircuit(inputs, list, outs);
    }

    public static Gen<HardCircuit> Gen(int maxInputs, int maxGates) =>
        from seed in FsCheck.Fluent.Gen.Choose(0, int.MaxValue - 1)
        from inputs in FsCheck.Fluent.Gen.Choose(1, maxInputs)
        from gates in FsCheck.Fluent.Gen.Choose(0, maxGates)
        from outputs in FsCheck.Fluent.Gen.Choose(1, 6)
        select Make(seed, inputs, gates, outputs);
}
