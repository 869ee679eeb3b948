using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Circuits;

/// <summary>
/// Majority of an odd number of nodes as two-input gates: a bubble sorting network of compare-exchange pairs
/// (low = AND, high = OR) whose median wire is 1 exactly when more than half the inputs are. The network is
/// k(k−1)/2 pairs; the comparators the median does not depend on are dead and fall away in
/// <see cref="CircuitSimplifier"/>. This is the hard form of the group-sum head.
/// </summary>
public static class MajorityNetwork
{
    /// <summary>Appends the network over <paramref name="nodes"/> to <paramref name="gates"/> and returns the node holding the majority.</summary>
    public static int Append(List<Gate> gates, int inputCount, IReadOnlyList<int> nodes)
    {
        if (nodes.Count % 2 == 0) throw new ArgumentException($"majority needs an odd number of inputs, got {nodes.Count}");
        var wire = nodes.ToArray();
        for (int pass = 0; pass < wire.Length - 1; pass++)
        {
            for (int j = 0; j < wire.Length - 1 - pass; j++)
            {
                int low = inputCount + gates.Count;
                gates.Add(new Gate(GateOp.And, wire[j], wire[j + 1]));
                gates.Add(new Gate(GateOp.Or, wire[j], wire[j + 1]));
                (wire[j], wire[j + 1]) = (low, low + 1);
            }
        }
        return wire[wire.Length / 2];
    }
}
