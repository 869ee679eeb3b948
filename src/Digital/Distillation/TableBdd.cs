using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Distillation;

/// <summary>
/// A whole truth table as a reduced ordered binary decision diagram: built bottom-up (input 0 nearest the leaves),
/// one node per distinct sub-function (a unique table), none where both branches are equal; then a circuit of one
/// multiplexer per node. A symmetric function of n inputs has O(n²) nodes where a decision tree has 2ⁿ leaves.
/// </summary>
public static class TableBdd
{
    /// <summary>Nodes 0 and 1 are the constants; node k ≥ 2 reads input Var[k] and goes to Low[k] (0) or High[k] (1).</summary>
    public sealed record Diagram(int Root, int[] Var, int[] Low, int[] High)
    {
        public int NodeCount => Var.Length - 2;
    }

    /// <summary>
    /// The smallest diagram over a few variable orders — the given one, its reverse, and <paramref name="randomOrders"/>
    /// seeded shuffles (a BDD's size can depend exponentially on the order, and the IWLS inputs come in an unknown one).
    /// </summary>
    public static Diagram Smallest(bool[] table, int inputs, int randomOrders, int seed)
    {
        var identity = Enumerable.Range(0, inputs).ToArray();
        var orders = new List<int[]> { identity, identity.Reverse().ToArray() };
        var rng = new LogicNets.Tasks.Data.SplitMix64(seed);
        for (int k = 0; k < randomOrders; k++)
        {
            var order = (int[])identity.Clone();
            rng.Shuffle(order);
            orders.Add(order);
        }
        return orders.Select(order => Build(table, inputs, order)).MinBy(d => d.NodeCount)!;
    }

    /// <summary>
    /// The diagram of <paramref name="table"/> (entry r is the output on the row whose input i is bit i of r), with
    /// input <paramref name="order"/>[0] nearest the leaves and the last of the order at the root (default: input order).
    /// </summary>
    public static Diagram Build(bool[] table, int inputs, int[]? order = null)
    {
        if (table.Length != 1 << inputs) throw new ArgumentException($"a table of {inputs} inputs has {1 << inputs} entries, got {table.Length}");
        order ??= Enumerable.Range(0, inputs).ToArray();
        if (order.Length != inputs || order.Distinct().Count() != inputs || order.Any(i => i < 0 || i >= inputs))
            throw new ArgumentException("the order must name every input once");
        if (!order.SequenceEqual(Enumerable.Range(0, inputs)))
        {
            // Re-index the table so that bit `level` of the new index is input order[level].
            var permuted = new bool[table.Length];
            for (int r = 0; r < table.Length; r++)
            {
                int source = 0;
                for (int bit = 0; bit < inputs; bit++) source |= ((r >> bit) & 1) << order[bit];
                permuted[r] = table[source];
            }
            table = permuted;
        }
        var vars = new List<int> { -1, -1 };
        var lows = new List<int> { 0, 1 };
        var highs = new List<int> { 0, 1 };
        var unique = new Dictionary<(int, int, int), int>();
        var level = table.Select(value => value ? 1 : 0).ToArray();
        for (int depth = 0; depth < inputs; depth++)
        {
            int input = order[depth];
            var next = new int[level.Length / 2];
            for (int k = 0; k < next.Length; k++)
            {
                int low = level[2 * k], high = level[2 * k + 1];
                if (low == high)
                {
                    next[k] = low;
                    continue;
                }
                if (!unique.TryGetValue((input, low, high), out int node))
                {
                    node = vars.Count;
                    vars.Add(input);
                    lows.Add(low);
                    highs.Add(high);
                    unique[(input, low, high)] = node;
                }
                next[k] = node;
            }
            level = next;
        }
        return new Diagram(level[0], vars.ToArray(), lows.ToArray(), highs.ToArray());
    }

    /// <summary>Appends the diagram as multiplexers (x ∧ high) ∨ (¬x ∧ low) and returns the node of its root.</summary>
    public static int Emit(Diagram diagram, List<Gate> gates, int inputCount)
    {
        int Add(GateOp op, int a, int b)
        {
            gates.Add(new Gate(op, a, b));
            return inputCount + gates.Count - 1;
        }
        var node = new int[diagram.Var.Length];
        node[0] = Add(GateOp.False, 0, 0);
        node[1] = Add(GateOp.True, 0, 0);
        // Children are created before their parents, so index order is a topological order.
        for (int k = 2; k < diagram.Var.Length; k++)
        {
            int x = diagram.Var[k];
            int high = Add(GateOp.And, x, node[diagram.High[k]]);
            int low = Add(GateOp.NotAAndB, x, node[diagram.Low[k]]);
            node[k] = Add(GateOp.Or, high, low);
        }
        return node[diagram.Root];
    }
}
