using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Circuits;

/// <summary>
/// Function-preserving clean-up of a hard circuit: constant folding, pass-through removal, gates with both
/// inputs equal reduced to their unary form, structural de-duplication, and dead-gate removal.
/// </summary>
public static class CircuitSimplifier
{
    public static HardCircuit Simplify(HardCircuit circuit)
    {
        int n = circuit.InputCount;
        // What each old node became: a constant, or a node of the new circuit.
        var map = new Ref[circuit.NodeCount];
        for (int i = 0; i < n; i++) map[i] = Ref.Node(i);
        var gates = new List<Gate>();
        var seen = new Dictionary<Gate, int>();
        var constants = new int?[2];

        int Emit(Gate gate)
        {
            if (gate.B < gate.A && gate.Op.IsSymmetric()) gate = gate with { A = gate.B, B = gate.A };
            if (seen.TryGetValue(gate, out int existing)) return existing;
            gates.Add(gate);
            int node = n + gates.Count - 1;
            seen[gate] = node;
            return node;
        }

        int Constant(bool value) => constants[value ? 1 : 0] ??= Emit(new Gate(value ? GateOp.True : GateOp.False, 0, 0));

        for (int i = 0; i < circuit.Gates.Count; i++)
        {
            var g = circuit.Gates[i];
            Ref a = map[g.A], b = map[g.B];
            var (usesA, usesB) = g.Op.Dependencies();
            if (!usesA) a = Ref.Const(false);
            if (!usesB) b = Ref.Const(false);
            map[n + i] = Reduce(g.Op, a, b, Emit);
        }
        var outputs = circuit.Outputs.Select(o => map[o].IsConstant ? Constant(map[o].Value) : map[o].Id).ToArray();
        return RemoveDead(new HardCircuit(n, gates, outputs));
    }

    private static Ref Reduce(GateOp op, Ref a, Ref b, Func<Gate, int> emit)
    {
        if (a.IsConstant && b.IsConstant) return Ref.Const(op.Apply(a.Value, b.Value));
        if (a.IsConstant || b.IsConstant || a.Id == b.Id)
        {
            // A function of one variable x: its values at x = 0 and x = 1 say whether it is 0, 1, x or ¬x.
            Ref x = a.IsConstant ? b : a;
            bool f0 = Eval(op, a, b, x, false), f1 = Eval(op, a, b, x, true);
            if (f0 == f1) return Ref.Const(f0);
            if (!f0) return x;
            return Ref.Node(emit(new Gate(GateOp.NotA, x.Id, x.Id)));
        }
        if (op == GateOp.A) return a;
        if (op == GateOp.B) return b;
        return Ref.Node(emit(new Gate(op, a.Id, b.Id)));
    }

    private static bool Eval(GateOp op, Ref a, Ref b, Ref x, bool value)
    {
        bool va = a.IsConstant ? a.Value : value;
        bool vb = b.IsConstant ? b.Value : (b.Id == x.Id ? value : throw new InvalidOperationException("unreachable"));
        return op.Apply(va, vb);
    }

    /// <summary>Keeps only the gates an output depends on, renumbered in their original order.</summary>
    public static HardCircuit RemoveDead(HardCircuit circuit)
    {
        int n = circuit.InputCount;
        var live = new bool[circuit.NodeCount];
        foreach (int o in circuit.Outputs) live[o] = true;
        for (int node = circuit.NodeCount - 1; node >= n; node--)
        {
            if (!live[node]) continue;
            var g = circuit.Gates[node - n];
            var (usesA, usesB) = g.Op.Dependencies();
            if (usesA) live[g.A] = true;
            if (usesB) live[g.B] = true;
        }
        var renumber = new int[circuit.NodeCount];
        for (int i = 0; i < n; i++) renumber[i] = i;
        var gates = new List<Gate>();
        for (int node = n; node < circuit.NodeCount; node++)
        {
            if (!live[node]) continue;
            var g = circuit.Gates[node - n];
            var (usesA, usesB) = g.Op.Dependencies();
            // An unused input may point at a dead node: point it at input 0 instead.
            gates.Add(new Gate(g.Op, usesA ? renumber[g.A] : 0, usesB ? renumber[g.B] : 0));
            renumber[node] = n + gates.Count - 1;
        }
        return new HardCircuit(n, gates, circuit.Outputs.Select(o => renumber[o]).ToArray());
    }

    private readonly record struct Ref(bool IsConstant, bool Value, int Id)
    {
        public static Ref Const(bool value) => new(true, value, -1);

        public static Ref Node(int id) => new(false, false, id);
    }
}
