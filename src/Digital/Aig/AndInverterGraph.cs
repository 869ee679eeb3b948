using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Aig;

/// <summary>
/// An and-inverter graph as AIGER numbers it: variable 0 is the constant, 1..I the inputs, then the AND nodes in
/// topological order; a literal is 2·variable, +1 when complemented. Nodes are built through <see cref="And"/>, which
/// folds constants, x∧x, x∧¬x and repeats of an existing node (structural hashing), so the AND count of a graph
/// built from a circuit is that of its simplified AIG — the size the IWLS contest limits.
/// </summary>
public sealed class AndInverterGraph
{
    public const int False = 0;
    public const int True = 1;

    private readonly List<(int Left, int Right)> _ands = [];
    private readonly Dictionary<(int, int), int> _hashed = [];
    private readonly List<int> _outputs = [];

    public AndInverterGraph(int inputCount)
    {
        if (inputCount < 0) throw new ArgumentOutOfRangeException(nameof(inputCount));
        InputCount = inputCount;
    }

    public int InputCount { get; }

    public int AndCount => _ands.Count;

    /// <summary>The largest variable index (AIGER's M).</summary>
    public int MaxVariable => InputCount + _ands.Count;

    /// <summary>AND node k: its two fanin literals, larger first (AIGER's order).</summary>
    public IReadOnlyList<(int Left, int Right)> Ands => _ands;

    public IReadOnlyList<int> Outputs => _outputs;

    public static int Not(int literal) => literal ^ 1;

    public int Input(int i) => i >= 0 && i < InputCount ? 2 * (i + 1) : throw new ArgumentOutOfRangeException(nameof(i), i, $"the graph has {InputCount} inputs");

    public int And(int a, int b)
    {
        if (a < b) (a, b) = (b, a);
        if (b == False || a == Not(b)) return False;
        if (b == True) return a;
        if (a == b) return a;
        if (_hashed.TryGetValue((a, b), out int existing)) return existing;
        return AddAnd(a, b, hash: true);
    }

    /// <summary>Adds an AND as given (for files, whose structure is kept as written); <paramref name="hash"/> also makes it findable.</summary>
    public int AddAnd(int a, int b, bool hash = false)
    {
        if (a < b) (a, b) = (b, a);
        if (a >= 2 * (MaxVariable + 1)) throw new ArgumentException($"literal {a} names a node not yet defined");
        _ands.Add((a, b));
        int literal = 2 * MaxVariable;
        if (hash) _hashed.TryAdd((a, b), literal);
        return literal;
    }

    public int Or(int a, int b) => Not(And(Not(a), Not(b)));

    public int Xor(int a, int b) => Or(And(a, Not(b)), And(Not(a), b));

    public void AddOutput(int literal)
    {
        if (literal < 0 || literal >= 2 * (MaxVariable + 1)) throw new ArgumentException($"output literal {literal} names no node");
        _outputs.Add(literal);
    }

    /// <summary>One of the 16 two-input gates on two literals, in as few ANDs as it takes (none, one, or three for XOR/XNOR).</summary>
    public int Gate(GateOp op, int a, int b)
    {
        var (f00, f01, f10, f11) = op.Truth();
        var (usesA, usesB) = op.Dependencies();
        if (!usesA && !usesB) return f00 ? True : False;
        if (!usesB) return f10 ? a : Not(a);
        if (!usesA) return f01 ? b : Not(b);
        bool[] truth = [f00, f01, f10, f11];
        int ones = truth.Count(t => t);
        if (ones == 2) return f00 == f11 ? (f00 ? Not(Xor(a, b)) : Xor(a, b)) : throw new InvalidOperationException("a two-one gate of both inputs is XOR or XNOR");
        // One 1 (an AND of literals) or one 0 (the complement of one): the odd minterm names the literals.
        int odd = Array.IndexOf(truth, ones == 1);
        int minterm = And((odd & 2) != 0 ? a : Not(a), (odd & 1) != 0 ? b : Not(b));
        return ones == 1 ? minterm : Not(minterm);
    }

    /// <summary>The circuit as an AIG: only gates some output depends on, each through <see cref="Gate"/>.</summary>
    public static AndInverterGraph FromCircuit(HardCircuit circuit)
    {
        var graph = new AndInverterGraph(circuit.InputCount);
        var live = new bool[circuit.NodeCount];
        foreach (int o in circuit.Outputs) live[o] = true;
        for (int i = circuit.Gates.Count - 1; i >= 0; i--)
        {
            if (!live[circuit.InputCount + i]) continue;
            var gate = circuit.Gates[i];
            var (usesA, usesB) = gate.Op.Dependencies();
            if (usesA) live[gate.A] = true;
            if (usesB) live[gate.B] = true;
        }
        var literal = new int[circuit.NodeCount];
        for (int i = 0; i < circuit.InputCount; i++) literal[i] = graph.Input(i);
        for (int i = 0; i < circuit.Gates.Count; i++)
        {
            int node = circuit.InputCount + i;
            if (!live[node]) continue;
            var gate = circuit.Gates[i];
            literal[node] = graph.Gate(gate.Op, literal[gate.A], literal[gate.B]);
        }
        foreach (int o in circuit.Outputs) graph.AddOutput(literal[o]);
        return graph.WithoutDangling();
    }

    /// <summary>
    /// The graph without AND nodes no output depends on (a gate's nodes can lose their last reader when a later gate
    /// folds to a constant), renumbered; the same graph when there are none.
    /// </summary>
    public AndInverterGraph WithoutDangling()
    {
        var used = new bool[MaxVariable + 1];
        foreach (int o in _outputs) used[o >> 1] = true;
        for (int k = _ands.Count - 1; k >= 0; k--)
        {
            if (!used[InputCount + 1 + k]) continue;
            used[_ands[k].Left >> 1] = true;
            used[_ands[k].Right >> 1] = true;
        }
        if (Enumerable.Range(0, _ands.Count).All(k => used[InputCount + 1 + k])) return this;
        var compact = new AndInverterGraph(InputCount);
        var map = new int[MaxVariable + 1];
        for (int v = 0; v <= InputCount; v++) map[v] = 2 * v;
        int Map(int literal) => map[literal >> 1] ^ (literal & 1);
        for (int k = 0; k < _ands.Count; k++)
            if (used[InputCount + 1 + k]) map[InputCount + 1 + k] = compact.And(Map(_ands[k].Left), Map(_ands[k].Right));
        foreach (int o in _outputs) compact.AddOutput(Map(o));
        return compact;
    }

    /// <summary>
    /// The graph as a hard circuit: each AND becomes one gate (AND, A∧¬B, ¬A∧B or NOR by its fanins' complements);
    /// a complemented output gets a NOT gate, a constant output a constant gate.
    /// </summary>
    public HardCircuit ToCircuit()
    {
        if (InputCount < 1) throw new InvalidOperationException("a hard circuit needs at least one input");
        var gates = new List<Gate>();
        var node = new int[MaxVariable + 1];
        int constantNode = -1;
        int NodeOf(int variable)
        {
            if (variable != 0) return node[variable];
            if (constantNode < 0)
            {
                gates.Add(new Gate(GateOp.False, 0, 0));
                constantNode = InputCount + gates.Count - 1;
            }
            return constantNode;
        }
        for (int i = 0; i < InputCount; i++) node[i + 1] = i;
        for (int k = 0; k < _ands.Count; k++)
        {
            var (left, right) = _ands[k];
            int a = NodeOf(left >> 1), b = NodeOf(right >> 1);
            var op = ((left & 1) != 0, (right & 1) != 0) switch
            {
                (false, false) => GateOp.And,
                (false, true) => GateOp.AAndNotB,
                (true, false) => GateOp.NotAAndB,
                _ => GateOp.Nor,
            };
            gates.Add(new Gate(op, a, b));
            node[InputCount + 1 + k] = InputCount + gates.Count - 1;
        }
        var outputs = new List<int>();
        foreach (int literal in _outputs)
        {
            int variable = literal >> 1;
            bool complemented = (literal & 1) != 0;
            if (variable == 0)
            {
                gates.Add(new Gate(complemented ? GateOp.True : GateOp.False, 0, 0));
                outputs.Add(InputCount + gates.Count - 1);
            }
            else if (complemented)
            {
                gates.Add(new Gate(GateOp.NotA, node[variable], node[variable]));
                outputs.Add(InputCount + gates.Count - 1);
            }
            else outputs.Add(node[variable]);
        }
        return new HardCircuit(InputCount, gates, outputs);
    }
}
