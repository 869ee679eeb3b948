using System.Numerics;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;

namespace LogicNets.Digital.LogicChains;

/// <summary>
/// One rule of a <see cref="PriorityChain"/>: a pair of inputs (A, B) and, for each of their four values (index 2·a + b),
/// the output it settles (0 or 1) or null to pass the row on to the next rule.
/// </summary>
public sealed record ChainRule(int A, int B, bool?[] Cells);

/// <summary>
/// A priority chain (a decision list over pairs of inputs): rule after rule looks at two input bits and either settles
/// the output or passes the row on; the last rows get a constant. Optionally the output is XORed with two inputs
/// first. It is the shape of a comparison of two numbers most significant pair first (a &gt; b: 10 settles 1, 01
/// settles 0, equal bits pass on) and of an adder's carry (11 generates, 00 kills, otherwise it propagates); with the
/// XOR, of an adder's sum bit (aₖ ⊕ bₖ ⊕ carry).
/// </summary>
public sealed record PriorityChain(IReadOnlyList<ChainRule> Rules, bool Last, (int P, int Q)? Xor)
{
    /// <summary>
    /// Learns a chain greedily: among the rows not yet settled, the pair (one of the few inputs most correlated with
    /// the output, and any partner) whose values settle the most rows — a value settles when every row with it has
    /// one output (at least two rows) — becomes the next rule; rows it settles leave. Merging every row that passes on
    /// keeps the sample large at every depth, where a decision tree halves it at every split.
    /// </summary>
    public static PriorityChain Learn(BitColumns data, ulong[] target, int maxRules, (int, int)? xor, CancellationToken cancellation = default)
    {
        int words = data.Words;
        var active = (ulong[])data.Cared.Clone();
        var rules = new List<ChainRule>();
        var cell = new ulong[words];
        while (rules.Count < maxRules && BitColumns.Count(active) >= MinRows)
        {
            cancellation.ThrowIfCancellationRequested();
            int activeRows = BitColumns.Count(active);
            var seeds = Enumerable.Range(0, data.Width)
                .Select(i => (Score: Math.Abs(2 * Agreement(data.Inputs[i], target, active) - activeRows), Input: i))
                .OrderByDescending(s => s.Score).ThenBy(s => s.Input).Take(SeedInputs).Select(s => s.Input).ToArray();
            int bestSettled = 0;
            ChainRule? best = null;
            foreach (int a in seeds)
                for (int b = 0; b < data.Width; b++)
                {
                    if (b == a) continue;
                    var cells = new bool?[4];
                    int settled = 0;
                    for (int value = 0; value < 4; value++)
                    {
                        Cell(data.Inputs[a], (value & 2) != 0, data.Inputs[b], (value & 1) != 0, active, cell);
                        int rows = BitColumns.Count(cell), ones = CountAnd(cell, target);
                        if (rows >= MinCellRows && (ones == 0 || ones == rows))
                        {
                            cells[value] = ones > 0;
                            settled += rows;
                        }
                    }
                    if (settled > bestSettled)
                    {
                        bestSettled = settled;
                        best = new ChainRule(a, b, cells);
                    }
                }
            if (best is null) break;
            rules.Add(best);
            // Rows of settled values leave the active set.
            for (int value = 0; value < 4; value++)
            {
                if (best.Cells[value] is null) continue;
                Cell(data.Inputs[best.A], (value & 2) != 0, data.Inputs[best.B], (value & 1) != 0, active, cell);
                for (int w = 0; w < words; w++) active[w] &= ~cell[w];
            }
        }
        int left = BitColumns.Count(active);
        bool last = left > 0 && 2 * CountAnd(active, target) >= left;
        return new PriorityChain(rules, last, xor);
    }

    /// <summary>Rows a chain needs at least to look for another rule, and a value to settle.</summary>
    public const int MinRows = 8;
    public const int MinCellRows = 2;

    /// <summary>How many of the most correlated inputs are tried as the first of a pair.</summary>
    public const int SeedInputs = 4;

    /// <summary>The chain's output on every row of <paramref name="data"/>, packed.</summary>
    public ulong[] Predict(BitColumns data)
    {
        int words = data.Words;
        var output = new ulong[words];
        var active = Enumerable.Repeat(ulong.MaxValue, words).ToArray();
        var cell = new ulong[words];
        foreach (var rule in Rules)
            for (int value = 0; value < 4; value++)
            {
                if (rule.Cells[value] is not { } settles) continue;
                Cell(data.Inputs[rule.A], (value & 2) != 0, data.Inputs[rule.B], (value & 1) != 0, active, cell);
                for (int w = 0; w < words; w++)
                {
                    if (settles) output[w] |= cell[w];
                    active[w] &= ~cell[w];
                }
            }
        if (Last)
            for (int w = 0; w < words; w++) output[w] |= active[w];
        if (Xor is var (p, q))
            for (int w = 0; w < words; w++) output[w] ^= data.Inputs[p][w] ^ data.Inputs[q][w];
        return output;
    }

    /// <summary>
    /// Appends the chain as gates to <paramref name="gates"/> (nodes numbered after <paramref name="inputCount"/>) and
    /// returns its output node. Built from the end: out = settles₁-to-1 ∨ (¬settles₁ ∧ (… ∨ (¬settlesₙ ∧ last))).
    /// </summary>
    public int Emit(List<Gate> gates, int inputCount)
    {
        int Add(GateOp op, int a, int b)
        {
            gates.Add(new Gate(op, a, b));
            return inputCount + gates.Count - 1;
        }
        int result = Add(Last ? GateOp.True : GateOp.False, 0, 0);
        for (int k = Rules.Count - 1; k >= 0; k--)
        {
            var rule = Rules[k];
            // A gate's truth table is bit 3 = f(0,0) … bit 0 = f(1,1); cell index 2·a + b, so bit 3 − index.
            int settlesMask = 0, onesMask = 0;
            for (int value = 0; value < 4; value++)
            {
                if (rule.Cells[value] is not { } one) continue;
                settlesMask |= 1 << (3 - value);
                if (one) onesMask |= 1 << (3 - value);
            }
            int settles = Add((GateOp)settlesMask, rule.A, rule.B);
            int ones = Add((GateOp)onesMask, rule.A, rule.B);
            int passed = Add(GateOp.NotAAndB, settles, result);
            result = Add(GateOp.Or, ones, passed);
        }
        if (Xor is var (p, q)) result = Add(GateOp.Xor, result, Add(GateOp.Xor, p, q));
        return result;
    }

    private static void Cell(ulong[] a, bool aValue, ulong[] b, bool bValue, ulong[] active, ulong[] into)
    {
        for (int w = 0; w < into.Length; w++) into[w] = active[w] & (aValue ? a[w] : ~a[w]) & (bValue ? b[w] : ~b[w]);
    }

    private static int Agreement(ulong[] input, ulong[] target, ulong[] active)
    {
        int n = 0;
        for (int w = 0; w < active.Length; w++) n += BitOperations.PopCount(~(input[w] ^ target[w]) & active[w]);
        return n;
    }

    private static int CountAnd(ulong[] a, ulong[] b)
    {
        int n = 0;
        for (int w = 0; w < a.Length; w++) n += BitOperations.PopCount(a[w] & b[w]);
        return n;
    }
}
