using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Circuits;

/// <summary>
/// An exact Boolean circuit: a DAG of two-input gates. Nodes 0..InputCount−1 are the inputs; gate i is node
/// InputCount + i and reads only earlier nodes, so the gate list is a topological order. Outputs name nodes.
/// </summary>
public sealed class HardCircuit
{
    public HardCircuit(int inputCount, IReadOnlyList<Gate> gates, IReadOnlyList<int> outputs)
    {
        if (inputCount < 1) throw new ArgumentException($"a circuit needs at least one input, got {inputCount}");
        if (outputs.Count < 1) throw new ArgumentException("a circuit needs at least one output");
        for (int i = 0; i < gates.Count; i++)
        {
            var g = gates[i];
            int node = inputCount + i;
            if (!GateOps.IsDefined(g.Op)) throw new ArgumentException($"gate {i} has op {(int)g.Op}; ops are 0..15");
            if (g.A < 0 || g.A >= node || g.B < 0 || g.B >= node)
                throw new ArgumentException($"gate {i} (node {node}) reads nodes {g.A} and {g.B}; a gate may only read earlier nodes (0..{node - 1})");
        }
        int nodes = inputCount + gates.Count;
        for (int o = 0; o < outputs.Count; o++)
            if (outputs[o] < 0 || outputs[o] >= nodes) throw new ArgumentException($"output {o} names node {outputs[o]}; the circuit has nodes 0..{nodes - 1}");
        InputCount = inputCount;
        Gates = gates.ToArray();
        Outputs = outputs.ToArray();
    }

    public int InputCount { get; }

    public IReadOnlyList<Gate> Gates { get; }

    public IReadOnlyList<int> Outputs { get; }

    public int NodeCount => InputCount + Gates.Count;

    /// <summary>"8 inputs, 20 gates, 9 outputs": the size line of exports and listings.</summary>
    public override string ToString() => $"{InputCount} inputs, {Gates.Count} gates, {Outputs.Count} outputs";

    /// <summary>Gates that compute something: constants and pass-throughs are not counted.</summary>
    public int LogicGateCount => Gates.Count(g => g.Op.Computes());

    /// <summary>Scalar evaluation of one input row; the reference the fast evaluators are checked against.</summary>
    public bool[] Evaluate(ReadOnlySpan<bool> input)
    {
        if (input.Length != InputCount) throw new ArgumentException($"circuit has {InputCount} inputs, got {input.Length}");
        var value = new bool[NodeCount];
        input.CopyTo(value);
        for (int i = 0; i < Gates.Count; i++)
        {
            var g = Gates[i];
            value[InputCount + i] = g.Op.Apply(value[g.A], value[g.B]);
        }
        return Outputs.Select(o => value[o]).ToArray();
    }
}
