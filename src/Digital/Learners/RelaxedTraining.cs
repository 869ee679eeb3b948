using LogicNets.Tasks;
using LogicNets.Digital.Evaluation;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Digital.Learners;

/// <summary>What the relaxed gate learners share: device choice, the BCE training loop on probabilities, and the repair of the discretised circuit.</summary>
internal static class RelaxedTraining
{
    /// <summary>The --device string as a torch device. (Digital does not reference Continuous — docs/DESIGN.md §1 — so it has its own.)</summary>
    public static Device ResolveDevice(string name)
    {
        string device = name.Trim().ToLowerInvariant();
        if (device == "cpu") return CPU;
        if ((device == "cuda" || device.StartsWith("cuda:")) && !cuda.is_available())
            throw new UserInputException($"device '{name}' requested but libtorch sees no CUDA device; use --device cpu");
        return device.StartsWith("cuda") ? torch.device(device) : throw new UserInputException($"unknown device '{name}'; valid: cpu, cuda, cuda:N");
    }

    /// <summary>Local search runs on discretised nets up to this many neurons (each edit re-evaluates the circuit).</summary>
    public const int LocalSearchMaxNeurons = 4096;

    /// <summary>
    /// Work cap of the default (greedy) repair after training, in node-words: each scored candidate costs its circuit's
    /// nodes × (the training rows' 64-row words + <see cref="CompileWords"/>). A count, not a clock, so the same command
    /// repairs as far on a busy or a slower machine (a 20-second clock cap made `gates-wired --size 64 --depth 6` on
    /// add:6 score 0.548–0.706 on one seed). Set so that every climb measured converges first (45 000–242 000
    /// candidates, 0.7–8.4 s on the idle 2-core development machine); a climb that kept improving would stop after
    /// roughly 20–90 s there.
    /// </summary>
    public const long LocalSearchWork = 100_000_000_000;

    /// <summary>
    /// Building and scheduling a candidate circuit, per node, in words of evaluation (roughly: scoring cost 1–5 ns per
    /// node-word so counted, on nets of 150–800 nodes and 2–512 words).
    /// </summary>
    private const int CompileWords = 64;

    /// <summary>
    /// Repairs discretised choices on the training rows (see <see cref="Networks.GateLocalSearch"/>). The default greedy
    /// repair stops after <see cref="LocalSearchWork"/>; asked-for kicks (<c>--repair-kicks</c>) are bounded by their
    /// count instead. Both also stop at what is left of the run's own time budget. <paramref name="toCircuit"/> turns
    /// choices into the circuit that is scored (the serial learner unrolls its cell).
    /// </summary>
    public static void Repair(Networks.GateChoices choices, Func<Networks.GateChoices, Circuits.HardCircuit> toCircuit, PackedRowsScore train,
        FitOptions options, ModelSettings settings)
    {
        if (choices.Neurons > LocalSearchMaxNeurons) return;
        int kicks = settings.RepairKicks ?? 0;
        var budget = options.BudgetLeft ?? TimeSpan.MaxValue;
        if (budget <= TimeSpan.Zero) return;
        long trialWork = (long)toCircuit(choices).NodeCount * (train.Words + CompileWords);
        long maxTrials = kicks > 0 ? long.MaxValue : Math.Max(1, LocalSearchWork / trialWork);
        Networks.GateLocalSearch.Improve(choices, c => train.Of(toCircuit(c)), budget, kicks, SeedStream.Derive(options.Seed, "repair"), maxTrials);
    }

    /// <summary>Share of the epochs trained straight-through (forward = the hard circuit) at the end of a fit.</summary>
    public const double HardPhaseShare = 0.25;

    /// <summary>Splits a fit's epochs into the relaxed phase and the straight-through phase (at least one each).</summary>
    public static (int Relaxed, int Hard) Phases(int epochs)
    {
        if (epochs < 2) return (1, 0);
        int hard = Math.Max(1, (int)Math.Round(epochs * HardPhaseShare));
        return (epochs - hard, hard);
    }

    /// <summary>
    /// The epochs of the straight-through phase after the <paramref name="relaxed"/> phase: none after a solved one, the planned <paramref name="hard"/> after a full
    /// one, and the phases' usual proportion of what actually ran after a plateau or a settled one.
    /// </summary>
    public static int HardEpochsAfter(FitReport relaxed, int hard) => relaxed.Stopped switch
    {
        EarlyStopReason.Solved => 0,
        EarlyStopReason.Plateau or EarlyStopReason.Settled => Math.Min(hard, Math.Max(1, (int)Math.Round(relaxed.EpochsRun * HardPhaseShare / (1 - HardPhaseShare)))),
        _ => hard,
    };

    /// <summary>Adds up two consecutive phases of one fit; the second's message (an early stop) is kept after the first's, named by its phase.</summary>
    public static FitReport Then(FitReport first, FitReport second, string secondPhase = "straight-through phase")
    {
        string?[] messages = [first.Message, second.Message is { Length: > 0 } m ? $"{secondPhase}: {m}" : null];
        string message = string.Join("; ", messages.Where(text => !string.IsNullOrEmpty(text)));
        return second with
        {
            EpochsRun = first.EpochsRun + second.EpochsRun, SamplesSeen = first.SamplesSeen + second.SamplesSeen,
            Message = message.Length > 0 ? message : null, Stopped = second.Stopped ?? first.Stopped,
        };
    }

    /// <summary>Reports a phase's epochs as part of the whole fit (a restart can push the count past the plan; the total grows with it).</summary>
    public static IProgress<FitProgress>? Offset(IProgress<FitProgress>? progress, int before, int total) =>
        progress is null ? null : new Relay(p => progress.Report(new FitProgress(before + p.Epoch, Math.Max(total, before + p.Epoch), p.Loss)));

    private sealed class Relay(Action<FitProgress> report) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => report(value);
    }

    /// <summary>
    /// Minibatch Adam on binary cross-entropy of the relaxed output probabilities. Inputs are always 0/1.
    /// <paramref name="hardScore"/> scores the discretised network on the training rows after each epoch, for stop when solved.
    /// </summary>
    public static FitReport Train(nn.Module<Tensor, Tensor> network, Dataset train, FitOptions options, Device device, double learningRate,
        int batchSize, IProgress<FitProgress>? progress, CancellationToken cancellation, Func<TrainingFit>? hardScore = null,
        EarlyStopRules rules = EarlyStopRules.All)
    {
        using var optimizer = optim.Adam(network.parameters(), learningRate);
        using var x = tensor(train.Inputs, [train.Rows, train.InputWidth], dtype: ScalarType.Float32, device: device);
        using var y = tensor(train.Targets, [train.Rows, train.OutputWidth], dtype: ScalarType.Float32, device: device);
        network.train();
        return MinibatchLoop.Run(train.Rows, batchSize, options, rows =>
        {
            using var scope = NewDisposeScope();
            var index = tensor(rows, dtype: ScalarType.Int64, device: device);
            optimizer.zero_grad();
            var p = network.forward(x.index_select(0, index)).clamp(1e-6, 1 - 1e-6);
            var loss = nn.functional.binary_cross_entropy(p, y.index_select(0, index));
            loss.backward();
            optimizer.step();
            return loss.item<float>();
        }, progress, cancellation, trainScore: hardScore, rules: rules);
    }
}
