using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Evaluation;

/// <summary>
/// The gates an evaluation must actually run: constants, pass-throughs and negations folded into the gates that read
/// them (a gate that reads ¬x reads x with another of the 16 operations), gates left with one distinct input turned
/// into wires, and gates no output depends on dropped. Node numbers stay the circuit's; outputs become literals, so an
/// output that is a constant or a negated node costs a fill or an inversion while it is copied out, not a gate.
/// </summary>
public sealed class FoldedGates
{
    /// <summary>A node's value as a source node (or <see cref="Constant"/>) and whether it is inverted.</summary>
    public readonly record struct Literal(int Node, bool Inverted)
    {
        /// <summary>The node number of a constant literal: false, or true when inverted.</summary>
        public const int Constant = -1;

        public bool IsConstant => Node == Constant;
    }

    /// <summary>A gate that remains, on source nodes that are inputs or other remaining gates.</summary>
    public readonly record struct Gate(int Node, GateOp Op, int A, int B);

    public FoldedGates(CompiledCircuit circuit)
    {
        int n = circuit.InputCount;
        var value = new Literal[circuit.NodeCount];
        for (int i = 0; i < n; i++) value[i] = new Literal(i, false);
        var kept = new Gate?[circuit.NodeCount];
        for (int g = 0; g < circuit.GateCount; g++)
        {
            var op = circuit.Circuit.Gates[g].Op;
            var (usesA, usesB) = op.Dependencies();
            // An operand the operation ignores is folded as a constant, so its source is not kept alive for nothing.
            var a = usesA ? value[circuit.A[g]] : new Literal(Literal.Constant, false);
            var b = usesB ? value[circuit.B[g]] : new Literal(Literal.Constant, false);
            int node = n + g;
            if (Fold(op, a, b, out var rewritten) is { } literal) value[node] = literal;
            else
            {
                value[node] = new Literal(node, false);
                kept[node] = new Gate(node, rewritten, a.Node, b.Node);
            }
        }

        Outputs = circuit.Outputs.Select(o => value[o]).ToArray();
        var live = new bool[circuit.NodeCount];
        foreach (var o in Outputs) if (!o.IsConstant) live[o.Node] = true;
        var gates = new List<Gate>();
        for (int node = circuit.NodeCount - 1; node >= n; node--)
        {
            if (!live[node] || kept[node] is not { } gate) continue;
            live[gate.A] = live[gate.B] = true;
            gates.Add(gate);
        }
        gates.Reverse();
        Gates = gates.ToArray();
    }

    /// <summary>
    /// <paramref name="op"/>(a, b) as a literal of an earlier node when it has fewer than two distinct non-constant
    /// sources or ignores one of them; null when it is a gate on both sources, <paramref name="rewritten"/> on a's and b's
    /// source nodes.
    /// </summary>
    private static Literal? Fold(GateOp op, Literal a, Literal b, out GateOp rewritten)
    {
        rewritten = op;
        if (a.IsConstant && b.IsConstant) return new Literal(Literal.Constant, op.Apply(a.Inverted, b.Inverted));
        if (a.IsConstant || b.IsConstant || a.Node == b.Node)
        {
            // One source v: the gate is a constant, v or ¬v.
            int v = a.IsConstant ? b.Node : a.Node;
            bool At(bool x) => op.Apply(a.IsConstant ? a.Inverted : x ^ a.Inverted, b.IsConstant ? b.Inverted : x ^ b.Inverted);
            bool f0 = At(false), f1 = At(true);
            return f0 == f1 ? new Literal(Literal.Constant, f0) : new Literal(v, f0);
        }
        rewritten = Rewrite(op, a.Inverted, b.Inverted);
        var (usesA, usesB) = rewritten.Dependencies();
        if (usesA && usesB) return null;
        if (usesA) return new Literal(a.Node, rewritten == GateOp.NotA);
        if (usesB) return new Literal(b.Node, rewritten == GateOp.NotB);
        return new Literal(Literal.Constant, rewritten == GateOp.True);
    }

    /// <summary>The operation that reads a and b where <paramref name="op"/> read them inverted as flagged.</summary>
    private static GateOp Rewrite(GateOp op, bool invertA, bool invertB)
    {
        int table = 0;
        for (int x = 0; x < 2; x++)
            for (int y = 0; y < 2; y++)
                if (op.Apply((x == 1) ^ invertA, (y == 1) ^ invertB)) table |= 1 << (3 - 2 * x - y);
        return GateOps.FromIndex(table);
    }

    /// <summary>The gates to run, in circuit order (so in topological order), each on its folded operands' sources.</summary>
    public Gate[] Gates { get; }

    /// <summary>Each circuit output as a literal: an input or a kept gate, possibly inverted, or a constant.</summary>
    public Literal[] Outputs { get; }
}
