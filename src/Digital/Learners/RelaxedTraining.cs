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

    /// <summary>Wall-clock cap of the default (greedy) repair after training.</summary>
    public static readonly TimeSpan LocalSearchBudget = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Repairs discretised choices on the training rows (see <see cref="Networks.GateLocalSearch"/>), within what is
    /// left of the run's time budget. The default greedy repair is also capped at <see cref="LocalSearchBudget"/>;
    /// asked-for kicks are not, so that the same command does the same search (and gives the same circuit) on a
    /// slower machine. <paramref name="toCircuit"/> turns choices into the circuit that is scored (the serial learner
    /// unrolls its cell).
    /// </summary>
    public static void Repair(Networks.GateChoices choices, Func<Networks.GateChoices, Circuits.HardCircuit> toCircuit, Dataset train,
        FitOptions options, ModelSettings settings)
    {
        if (choices.Neurons > LocalSearchMaxNeurons) return;
        int kicks = settings.RepairKicks ?? 0;
        var cap = kicks > 0 ? TimeSpan.MaxValue : LocalSearchBudget;
        var budget = options.BudgetLeft is { } left && left < cap ? left : cap;
        if (budget <= TimeSpan.Zero) return;
        var inputs = Evaluation.PackedBits.FromInputs(train);
        var targets = Evaluation.PackedBits.FromTargets(train);
        var output = new Evaluation.PackedBits(train.OutputWidth, train.Rows);
        var evaluator = new Evaluation.SimdEvaluator();
        double Score(Networks.GateChoices c)
        {
            evaluator.Evaluate(new Evaluation.CompiledCircuit(toCircuit(c)), inputs, output);
            return Evaluation.PackedAccuracy.Of(output, targets);
        }
        Networks.GateLocalSearch.Improve(choices, Score, budget, kicks, SeedStream.Derive(options.Seed, "repair"));
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

    /// <summary>Adds up two consecutive phases of one fit.</summary>
    public static FitReport Then(FitReport first, FitReport second) =>
        second with { EpochsRun = first.EpochsRun + second.EpochsRun, SamplesSeen = first.SamplesSeen + second.SamplesSeen };

    /// <summary>Reports a phase's epochs as part of the whole fit (a restart can push the count past the plan; the total grows with it).</summary>
    public static IProgress<FitProgress>? Offset(IProgress<FitProgress>? progress, int before, int total) =>
        progress is null ? null : new Relay(p => progress.Report(new FitProgress(before + p.Epoch, Math.Max(total, before + p.Epoch), p.Loss)));

    private sealed class Relay(Action<FitProgress> report) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => report(value);
    }

    /// <summary>Minibatch Adam on binary cross-entropy of the relaxed output probabilities. Inputs are always 0/1.</summary>
    public static FitReport Train(nn.Module<Tensor, Tensor> network, Dataset train, FitOptions options, Device device, double learningRate,
        int batchSize, IProgress<FitProgress>? progress, CancellationToken cancellation)
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
        }, progress, cancellation);
    }
}
