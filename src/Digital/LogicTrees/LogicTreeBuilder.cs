namespace LogicNets.Digital.LogicTrees;

/// <summary>
/// Grows one logic tree for one output bit (YagaoDirac's "logic learning", docs/DESIGN.md §5):
/// <list type="number">
/// <item>a node whose rows all have one output is a constant leaf; a node with no rows is an empty leaf;</item>
/// <item>otherwise split on the unused bit with the largest |Σ (+1 if bit = output, else −1)|;</item>
/// <item>when every unused bit scores 0, count for each unused bit i the pairs of rows that differ only in bit i
/// and have different outputs (x_i ∈ [0, N/2]). If every non-zero x_i equals N/2 the node is a parity leaf over
/// the bits with x_i &gt; 0 (bits with x_i = 0 are irrelevant) — provided it reproduces every row of the node,
/// which a partly observed sub-table does not guarantee; otherwise split on the bit with the smallest non-zero x_i.</item>
/// </list>
/// Rows are input addresses (bit i of the key = input i) with a 0/1 output; duplicates with conflicting labels
/// (label noise) end in a majority leaf once no bit is left.
/// </summary>
public static class LogicTreeBuilder
{
    public static LogicTreeNode Build(IReadOnlyList<UInt128> rows, IReadOnlyList<bool> outputs, int inputWidth, int maxDepth = int.MaxValue) =>
        Build(BitRows.From(rows, inputWidth), outputs, maxDepth);

    /// <summary>Grows the tree over rows of any width.</summary>
    public static LogicTreeNode Build(BitRows rows, IReadOnlyList<bool> outputs, int maxDepth = int.MaxValue)
    {
        if (rows.Count != outputs.Count) throw new ArgumentException($"{rows.Count} rows but {outputs.Count} outputs");
        var unused = Enumerable.Range(0, rows.Width).ToList();
        return Grow(Enumerable.Range(0, rows.Count).ToArray(), rows, outputs, unused, maxDepth);
    }

    private static LogicTreeNode Grow(int[] members, BitRows rows, IReadOnlyList<bool> outputs, List<int> unused, int depthLeft)
    {
        if (members.Length == 0) return EmptyLeaf.Instance;
        int ones = members.Count(m => outputs[m]);
        if (ones == 0 || ones == members.Length) return new ConstantLeaf(ones > 0);
        if (unused.Count == 0 || depthLeft == 0) return new ConstantLeaf(2 * ones >= members.Length);

        int bit = BestCorrelated(members, rows, outputs, unused, out bool allZero);
        if (allZero)
        {
            var distinct = Distinct(members, rows);
            var pairs = unused.Select(i => DifferingPairs(distinct, rows, outputs, i)).ToArray();
            var nonZero = pairs.Where(p => p > 0).ToArray();
            if (nonZero.Length > 0 && nonZero.All(p => 2 * p == members.Length))
            {
                var relevant = unused.Where((_, k) => pairs[k] > 0).ToArray();
                // Polarity: output ⊕ parity of the relevant bits, taken from the first row. On a fully observed
                // sub-table it is the same on every row; on a partly observed one rows without a partner are not
                // constrained by the pair counts, so the leaf is kept only if it reproduces all of them.
                bool Parity(int m) => relevant.Aggregate(false, (acc, i) => acc ^ rows.Bit(m, i));
                bool inverted = outputs[members[0]] ^ Parity(members[0]);
                if (members.All(m => (outputs[m] ^ Parity(m)) == inverted)) return new ParityLeaf(relevant, inverted);
            }
            bit = nonZero.Length > 0 ? unused[Array.IndexOf(pairs, nonZero.Min())] : unused[0];
        }
        var zero = members.Where(m => !rows.Bit(m, bit)).ToArray();
        var one = members.Where(m => rows.Bit(m, bit)).ToArray();
        var rest = unused.Where(i => i != bit).ToList();
        return new SplitNode(bit, Grow(zero, rows, outputs, rest, depthLeft - 1), Grow(one, rows, outputs, rest, depthLeft - 1));
    }

    /// <summary>The unused bit with the largest |agreement − disagreement| with the output (lowest index on ties).</summary>
    private static int BestCorrelated(int[] members, BitRows rows, IReadOnlyList<bool> outputs, List<int> unused, out bool allZero)
    {
        int best = unused[0], bestScore = -1;
        foreach (int i in unused)
        {
            int score = 0;
            foreach (int m in members) score += rows.Bit(m, i) == outputs[m] ? 1 : -1;
            if (Math.Abs(score) > bestScore)
            {
                bestScore = Math.Abs(score);
                best = i;
            }
        }
        allZero = bestScore == 0;
        return best;
    }

    /// <summary>The node's distinct inputs, by hash, each with the first row that has it (a repeated row keeps its first label).</summary>
    private static Dictionary<ulong, List<int>> Distinct(int[] members, BitRows rows)
    {
        var byHash = new Dictionary<ulong, List<int>>(members.Length);
        foreach (int m in members)
        {
            ulong h = rows.Hashes[m];
            if (!byHash.TryGetValue(h, out var same)) byHash[h] = [m];
            else if (!same.Any(other => rows.Same(other, m))) same.Add(m); // a hash collision: a different row
        }
        return byHash;
    }

    /// <summary>Pairs of distinct rows at this node that differ only in bit i and have different outputs.</summary>
    private static int DifferingPairs(Dictionary<ulong, List<int>> distinct, BitRows rows, IReadOnlyList<bool> outputs, int bit)
    {
        int count = 0;
        ulong flip = rows.HashOfBit(bit);
        foreach (var (hash, members) in distinct)
            foreach (int row in members)
            {
                if (rows.Bit(row, bit) || !distinct.TryGetValue(hash ^ flip, out var partners)) continue;
                foreach (int partner in partners)
                    if (rows.DifferOnlyIn(row, partner, bit) && outputs[partner] != outputs[row]) count++;
            }
        return count;
    }
}
