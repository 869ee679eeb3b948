using LogicNets.Tasks;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Digital.Networks;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Learning;
using TorchSharp;
using static TorchSharp.torch;
using static System.FormattableString;

namespace LogicNets.Digital.Learners;

/// <summary>A gate net whose output t is computed at bit position t, so that it can be trained on a prefix of the outputs.</summary>
internal interface IPositionalGateNet
{
    /// <summary>The relaxed net computing the first <paramref name="outputs"/> outputs, in the trainer's module shape.</summary>
    nn.Module<Tensor, Tensor> AtOutputs(int outputs);

    /// <summary>The current hard circuit for rows of <paramref name="inputWidth"/> bits and its first <paramref name="outputs"/> outputs.</summary>
    HardCircuit Circuit(int inputWidth, int outputs);

    bool StraightThrough { set; }
}

/// <summary>
/// Curriculum over the output positions: first the net is trained to produce outputs 0..1, then 0..2, and so on up
/// to all of them. A long chain learned at once tends to settle on a carry that only "generates" (a∧b) and never
/// "propagates"; short chains teach propagation first. This assumes only what the positional nets assume: output t
/// depends on positions ≤ t.
/// </summary>
/// <remarks>
/// Each length ends as soon as the hard circuit fits that prefix of the training rows. A start that does not fit a
/// prefix by the end of its length almost never recovers at the longer ones (gates-serial on add:8, seeds 1–3: the
/// starts that fit length 2 and 3 were exact, the others stayed at 0.61–0.80 of the training bits after 58 epochs),
/// so when further starts remain (<see cref="FitOptions.Restarts"/>) it is given up there: a failing start costs a
/// few short epochs, not a whole fit.
/// </remarks>
internal static class OutputPrefixCurriculum
{
    /// <param name="fullLengthRules">
    /// When the curriculum's stage at full length ends besides a fit: <see cref="EarlyStopRules.SolvedOnly"/> trains
    /// all of its epochs, <see cref="EarlyStopRules.All"/> also stops it when the score settles (the repair after
    /// training may then finish the job).
    /// </param>
    public static FitReport Train(IPositionalGateNet net, Dataset train, FitOptions options, Device device, double rate, int batch,
        BestOnTrainingRows<GateChoices> tracker, IProgress<FitProgress>? progress, CancellationToken cancellation,
        EarlyStopRules fullLengthRules = EarlyStopRules.SolvedOnly)
    {
        int outputs = train.OutputWidth;
        int first = Math.Min(2, outputs);
        int stages = outputs - first + 1;
        // Under a step cap (a suite's runs) one epoch per length could overrun it many times over (gates-serial on add:12
        // in the full suite: 20 epochs of 256 steps under a cap of 250). Then an epoch is a slice of the rows, the next
        // slice at each length, small enough for two epochs a stage, and the stages end when the cap is spent.
        int? cap = options.Epochs is null ? options.StepCap : null;
        int sliceRows = train.Rows;
        if (cap is { } steps && 2L * (stages + 1) * StepsPerEpoch(train.Rows, batch) > steps)
            sliceRows = (int)Math.Min(train.Rows, (long)Math.Max(1, steps / (2 * (stages + 1))) * batch);
        int sliceSteps = StepsPerEpoch(sliceRows, batch);
        int totalEpochs = Math.Max(stages + 1, MinibatchLoop.EpochsFor(options, sliceRows, batch, 2 * MinibatchLoop.DefaultStepBudget));
        var (curriculum, hard) = RelaxedTraining.Phases(totalEpochs);
        FitReport report = new(RunStatus.Ok, 0, double.NaN, 0);
        long stepsLeft = cap ?? long.MaxValue;
        // Stages 0..stages-1 grow the length; the extra last stage is the straight-through phase at full length.
        // A shorter stage watches its prefix and ends when the net fits it (EarlyStopRules.SolvedOnly); the full-length
        // curriculum stage watches the whole rows under fullLengthRules, the straight-through phase with every rule.
        for (int stage = 0; stage <= stages && report.Status == RunStatus.Ok; stage++)
        {
            bool straightThrough = stage == stages;
            int length = straightThrough ? outputs : first + stage;
            // A length ends when its prefix fits, so it may take up to half of what the curriculum has left: the first
            // lengths are where the rule is learned (gates-serial, add:8 seed 3 fits length 2 after 7 epochs, length 3
            // after 5 more; an even split gave each 5) and a right net passes the later ones in an epoch each.
            int epochs = straightThrough ? RelaxedTraining.HardEpochsAfter(report, hard)
                : stage == stages - 1 ? Math.Max(1, curriculum - report.EpochsRun) : Math.Max(1, (curriculum - report.EpochsRun) / 2);
            if (straightThrough && epochs == 0) break;
            if (stepsLeft < sliceSteps) break;
            epochs = (int)Math.Min(epochs, stepsLeft / sliceSteps);
            net.StraightThrough = straightThrough;
            var prefix = PrefixOutputs(train, length, (long)stage * sliceRows, sliceRows);
            var prefixScore = length == outputs ? null : new PackedRowsScore(prefix);
            Func<TrainingFit> watch = prefixScore is null
                ? tracker.Observe
                : () => TrainingFit.Of(prefixScore.Of(net.Circuit(train.InputWidth, length)));
            var phase = RelaxedTraining.Train(net.AtOutputs(length), prefix, options with { Epochs = epochs },
                device, rate, batch, RelaxedTraining.Offset(progress, report.EpochsRun, curriculum + hard), cancellation,
                watch, straightThrough ? EarlyStopRules.All : length == outputs ? fullLengthRules : EarlyStopRules.SolvedOnly);
            // A prefix's own stop (it fits) is the curriculum working: not news for the run's message, and not a
            // solved fit for the straight-through phase to skip.
            if (prefixScore is not null && phase.Status == RunStatus.Ok) phase = phase with { Message = null, Stopped = null };
            stepsLeft -= (long)phase.EpochsRun * sliceSteps;
            report = stage == 0 ? phase : RelaxedTraining.Then(report, phase, straightThrough ? "straight-through phase" : $"length {length}");
            if (phase.Status != RunStatus.Ok || length == outputs && phase.Stopped == EarlyStopReason.Solved) break;
            // Nothing at full length was watched yet, so the tracker's final state is the net as it stands.
            if (prefixScore is not null && options.Restarts > 0 && watch() is { Fits: false } fit)
                return report with { GivenUp = true, Message = Invariant($"start given up at length {length}: the circuit fits {fit.Score:0.####} of that prefix's training bits") };
        }
        net.StraightThrough = false;
        return report;
    }

    private static int StepsPerEpoch(int rows, int batch) => (rows + Math.Min(batch, rows) - 1) / Math.Min(batch, rows);

    /// <summary>The first <paramref name="outputs"/> targets of <paramref name="count"/> rows from <paramref name="start"/> on, wrapping round.</summary>
    private static Dataset PrefixOutputs(Dataset data, int outputs, long start, int count)
    {
        if (outputs == data.OutputWidth && count == data.Rows) return data;
        // Whole epochs (no step cap): every row in order, so the inputs are shared and only the targets are cut.
        var inputs = count == data.Rows ? data.Inputs : new float[(long)count * data.InputWidth];
        var targets = new float[(long)count * outputs];
        for (int r = 0; r < count; r++)
        {
            int row = (int)((start + r) % data.Rows);
            if (count != data.Rows) data.InputRow(row).CopyTo(inputs.AsSpan(r * data.InputWidth, data.InputWidth));
            data.TargetRow(row)[..outputs].CopyTo(targets.AsSpan(r * outputs, outputs));
        }
        return new Dataset(count, data.InputWidth, outputs, inputs, targets, data.Kind);
    }
}
