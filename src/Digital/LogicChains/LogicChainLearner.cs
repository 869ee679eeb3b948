using System.Numerics;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Learners;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Learning;

namespace LogicNets.Digital.LogicChains;

/// <summary>
/// <c>logic-chain</c>: per output bit a <see cref="PriorityChain"/> learned without gradients, with or without an XOR of
/// two inputs in front — whichever fits the training rows best. It finds the pairs of bits that belong together in
/// comparisons and additions whose bit order is unknown (the IWLS 2020 comparators and adders).
/// </summary>
public sealed class LogicChainLearner : CircuitLearner
{
    public static readonly ModelDescriptor Descriptor = new(
        "logic-chain", "per output bit a priority chain over pairs of input bits (comparator/carry shape), optionally XORed with two inputs; no gradients → hard circuit",
        "maximum rules (pairs of inputs) per output bit",
        LearnerTraits.BitTargets | LearnerTraits.Circuit, request => new LogicChainLearner(request));

    /// <summary>Chains tried with an XOR in front: the pairs whose XOR leaves the output most correlated with one input.</summary>
    public const int XorCandidates = 24;

    public LogicChainLearner(LearnerRequest request) : base(Descriptor.Name, request, "maximum rules") { }

    public IReadOnlyList<PriorityChain> Chains { get; private set; } = [];

    public override long? ParameterCount => Chains.Count == 0 ? null : Chains.Sum(c => 6L * c.Rules.Count + 1);

    protected override (FitReport, HardCircuit?) Train(Dataset train, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation)
    {
        options = options.WithBudgetClock();
        var chains = new List<PriorityChain>();
        var status = RunStatus.Ok;
        for (int o = 0; o < train.OutputWidth; o++)
        {
            var columns = new BitColumns(train, o);
            var (chain, complete) = Best(columns, options, cancellation);
            if (!complete) status = RunStatus.Budget;
            chains.Add(chain);
            progress?.Report(new FitProgress(o + 1, train.OutputWidth, double.NaN));
        }
        Chains = chains;
        var gates = new List<Gate>();
        var outputs = chains.Select(chain => chain.Emit(gates, train.InputWidth)).ToArray();
        var circuit = CircuitSimplifier.Simplify(new HardCircuit(train.InputWidth, gates, outputs));
        return (new FitReport(status, 1, double.NaN, train.Rows, status == RunStatus.Budget ? options.BudgetMessage() : null), circuit);
    }

    /// <summary>The plain chain, or a chain behind the XOR of the pair that fits the training rows best; false when the budget cut the search.</summary>
    private (PriorityChain Chain, bool Complete) Best(BitColumns data, FitOptions options, CancellationToken cancellation)
    {
        var best = PriorityChain.Learn(data, data.Target, Request.Size, null, cancellation);
        int bestFit = Fit(best, data);
        int cared = BitColumns.Count(data.Cared);
        if (bestFit == cared || data.Width < 3) return (best, true);
        var candidates = new List<(int Score, int P, int Q)>();
        var shifted = new ulong[data.Words];
        for (int p = 0; p < data.Width; p++)
        {
            if (options.BudgetLeft < TimeSpan.Zero) return (best, false);
            cancellation.ThrowIfCancellationRequested();
            for (int q = p + 1; q < data.Width; q++)
            {
                for (int w = 0; w < shifted.Length; w++) shifted[w] = data.Target[w] ^ data.Inputs[p][w] ^ data.Inputs[q][w];
                int score = 0;
                for (int i = 0; i < data.Width; i++)
                {
                    if (i == p || i == q) continue;
                    int agree = 0;
                    var input = data.Inputs[i];
                    for (int w = 0; w < shifted.Length; w++) agree += BitOperations.PopCount(~(input[w] ^ shifted[w]) & data.Cared[w]);
                    score = Math.Max(score, Math.Abs(2 * agree - cared));
                }
                candidates.Add((score, p, q));
            }
        }
        int top = candidates.Max(c => c.Score);
        foreach (var (_, p, q) in candidates.Where(c => 10 * c.Score >= 9 * top).OrderByDescending(c => c.Score).ThenBy(c => c.P).ThenBy(c => c.Q).Take(XorCandidates))
        {
            if (options.BudgetLeft < TimeSpan.Zero) return (best, false);
            var target = new ulong[data.Words];
            for (int w = 0; w < target.Length; w++) target[w] = data.Target[w] ^ data.Inputs[p][w] ^ data.Inputs[q][w];
            var chain = PriorityChain.Learn(data, target, Request.Size, (p, q), cancellation);
            int fit = Fit(chain, data);
            if (fit > bestFit)
            {
                best = chain;
                bestFit = fit;
            }
        }
        return (best, true);
    }

    /// <summary>Training rows (with a specified output) the chain gets right.</summary>
    private static int Fit(PriorityChain chain, BitColumns data)
    {
        var predicted = chain.Predict(data);
        int right = 0;
        for (int w = 0; w < predicted.Length; w++) right += BitOperations.PopCount(~(predicted[w] ^ data.Target[w]) & data.Cared[w]);
        return right;
    }
}
