using System.Diagnostics;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Digital.Verification;

/// <summary>
/// Checks a circuit against a rule on every row of the table (up to 2³² rows): rows are generated already packed
/// — input i of row r is bit i of r — in blocks, evaluated by the bit-parallel evaluator and compared word by word
/// with <see cref="BitSlicedRule"/>. The first differing row is returned as a counterexample.
/// </summary>
public static class ExhaustiveCheck
{
    public const int MaxInputs = 32;
    private const int BlockWords = 1 << 12; // 262 144 rows per block

    public static CheckResult Check(HardCircuit circuit, BitTask task, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        if (task.InputWidth > MaxInputs) throw new ArgumentException($"{task.Name} has {task.InputWidth} inputs; exhaustive checks go up to {MaxInputs}");
        if (circuit.InputCount != task.InputWidth || circuit.Outputs.Count != task.OutputWidth)
            throw new ArgumentException($"the circuit has {circuit.InputCount} inputs → {circuit.Outputs.Count} outputs, {task.Name} has {task.InputWidth} → {task.OutputWidth}");
        var compiled = new CompiledCircuit(circuit);
        var evaluator = new SimdEvaluator();
        long rows = 1L << task.InputWidth;
        int n = task.InputWidth, m = task.OutputWidth;
        long totalWords = Math.Max(1, rows / 64);
        var clock = Stopwatch.StartNew();
        PackedBits? packed = null, expected = null;
        for (long firstWord = 0; firstWord < totalWords; firstWord += BlockWords)
        {
            cancellation.ThrowIfCancellationRequested();
            int words = (int)Math.Min(BlockWords, totalWords - firstWord);
            int samples = (int)Math.Min((long)words * 64, rows);
            if (packed?.Samples != samples)
            {
                packed = new PackedBits(n, samples);
                expected = new PackedBits(m, samples);
            }
            for (int i = 0; i < n; i++) FillInputLane(packed.Data.AsSpan(i * packed.Words, words), i, firstWord);
            packed.ClearTails();
            var actual = evaluator.Evaluate(compiled, packed);
            BitSlicedRule.Compute(task, packed, expected!);
            for (int w = 0; w < words; w++)
            {
                ulong diff = 0;
                for (int o = 0; o < m; o++) diff |= actual.Data[o * actual.Words + w] ^ expected!.Data[o * expected.Words + w];
                if (w == words - 1) diff &= packed.TailMask;
                if (diff == 0) continue;
                int bit = System.Numerics.BitOperations.TrailingZeroCount(diff);
                long row = (firstWord + w) * 64 + bit;
                string Out(PackedBits bits) => string.Concat(Enumerable.Range(0, m).Select(o => bits.Get(o, w * 64 + bit) ? '1' : '0'));
                return new CheckResult(CheckVerdict.Counterexample, "exhaustive", clock.Elapsed.TotalSeconds, row + 1,
                    string.Concat(Enumerable.Range(0, n).Select(i => ((row >> i) & 1) != 0 ? '1' : '0')), Out(expected!), Out(actual));
            }
            progress?.Report(Math.Min(1.0, (double)(firstWord + words) / totalWords));
        }
        return new CheckResult(CheckVerdict.Exhaustive, "exhaustive", clock.Elapsed.TotalSeconds, rows);
    }

    /// <summary>
    /// Input lane i of the words from <paramref name="firstWord"/> on, when row r's inputs are the bits of r: a fixed
    /// pattern below bit 6; above it each word is all ones or all zeros, in runs of 2^(i−6) words.
    /// </summary>
    private static void FillInputLane(Span<ulong> lane, int i, long firstWord)
    {
        if (i < 6)
        {
            lane.Fill(Patterns[i]);
            return;
        }
        long run = 1L << (i - 6);
        for (int w = 0; w < lane.Length;)
        {
            long global = firstWord + w;
            int length = (int)Math.Min(lane.Length - w, run - global % run);
            lane.Slice(w, length).Fill(((global >> (i - 6)) & 1) != 0 ? ulong.MaxValue : 0);
            w += length;
        }
    }

    private static readonly ulong[] Patterns =
        [0xAAAAAAAAAAAAAAAA, 0xCCCCCCCCCCCCCCCC, 0xF0F0F0F0F0F0F0F0, 0xFF00FF00FF00FF00, 0xFFFF0000FFFF0000, 0xFFFFFFFF00000000];
}
