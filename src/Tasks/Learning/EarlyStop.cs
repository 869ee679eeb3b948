using System.Globalization;

namespace LogicNets.Tasks.Learning;

/// <summary>Why a fit ended before its planned epochs.</summary>
public enum EarlyStopReason
{
    /// <summary>The model (a learner's hard circuit, or its predictions) fits every specified training bit.</summary>
    Solved,

    /// <summary>The training score rose clearly above where it started, then did not improve for the settle window.</summary>
    Settled,

    /// <summary>The training score did not improve for the patience window.</summary>
    Plateau,
}

/// <summary>Which of <see cref="EarlyStop"/>'s rules a fit uses; every one stops when solved.</summary>
public enum EarlyStopRules
{
    /// <summary>Solved, settled after progress, or a plateau for the patience: circuit learners, whose hard score moves in steps.</summary>
    All,

    /// <summary>
    /// Solved or a plateau: networks scored through their thresholded outputs, whose accuracy creeps up by a few rows
    /// at a time (an mlp on add:8 gains for epochs after any 200-step window without a new best).
    /// </summary>
    SolvedOrPlateau,

    /// <summary>
    /// Only a fit of the training rows: a phase whose length is part of the learner's own plan (the serial learner's
    /// curriculum, whose score at full length wanders for a while before the carry is found).
    /// </summary>
    SolvedOnly,
}

/// <summary>A model's fit to its training rows after an epoch: its bit accuracy on them, and whether it fits them (a circuit: accuracy 1; a net: every bit with a margin).</summary>
public readonly record struct TrainingFit(double Score, bool Fits)
{
    /// <summary>A hard model's fit: it fits when its accuracy is 1.</summary>
    public static TrainingFit Of(double accuracy) => new(accuracy, accuracy >= 1.0);
}

/// <summary>
/// Stop when solved: watches a fit's training score once per epoch and ends it when the model fits the training rows;
/// when the score, having risen by at least <see cref="ProgressMargin"/> above the first epoch's, has not improved for
/// <see cref="SettleEpochs"/> (<see cref="DefaultSettleSteps"/> optimizer steps); or when it has not improved for
/// <see cref="Patience"/> epochs. Defaults then cost what
/// the problem needs: a rule found in the first tenth of the planned epochs does not pay for the other nine. The
/// short window after progress is what ends a fit on noisy rows (noisy-xor cannot fit 40 % flipped labels; it finds
/// XOR at 0.6 and can do no better), while a net still at chance (a sparse parity before its jump) has made no
/// progress yet and gets the whole patience.
/// </summary>
public sealed class EarlyStop(int patience, int stepsPerEpoch = 1, bool settles = true)
{
    /// <summary>
    /// The settle window after progress, in optimizer steps: learning moves per step, so a window in epochs would be
    /// 16 steps on a 16-row table and 400 on noisy-xor's 5 000 rows. 200 steps is 10 epochs of noisy-xor at batch 256.
    /// </summary>
    public const int DefaultSettleSteps = 200;

    /// <summary>How far above the first epoch's score the best must be before the settle window applies.</summary>
    public const double ProgressMargin = 0.05;

    /// <summary>The least automatic patience: below it a noisy score ends fits by chance.</summary>
    public const int MinAutoPatience = 10;

    /// <summary>Share of the planned epochs the automatic patience waits for a better score.</summary>
    public const double AutoPatienceShare = 0.5;

    /// <summary>
    /// The automatic patience: half the planned epochs, at least <see cref="MinAutoPatience"/> (measured: a quarter
    /// cut short gate nets on add:4 and a mixture that were still improving, and one parity:16:3 seed before its jump).
    /// </summary>
    public static int AutoPatience(int plannedEpochs) => Math.Max(MinAutoPatience, (int)Math.Ceiling(plannedEpochs * AutoPatienceShare));

    /// <summary>The rule a fit's options ask for (<see cref="FitOptions.Patience"/>: null automatic, 0 off), or null for none.</summary>
    public static EarlyStop? For(FitOptions options, int plannedEpochs, int stepsPerEpoch = 1, EarlyStopRules rules = EarlyStopRules.All) => options.Patience switch
    {
        0 => null,
        _ when rules == EarlyStopRules.SolvedOnly => new EarlyStop(int.MaxValue, settles: false),
        null => new EarlyStop(AutoPatience(plannedEpochs), stepsPerEpoch, rules == EarlyStopRules.All),
        { } epochs => new EarlyStop(epochs, stepsPerEpoch, rules == EarlyStopRules.All),
    };

    public int Patience { get; } = patience >= 1 ? patience : throw new ArgumentOutOfRangeException(nameof(patience), patience, "patience must be >= 1 epoch");

    /// <summary>
    /// The settle window in epochs: <see cref="DefaultSettleSteps"/> steps, at least one epoch, at most the patience
    /// (the patience itself when the rule does not settle).
    /// </summary>
    public int SettleEpochs { get; } = settles ? Math.Min(patience, Math.Max(1, (DefaultSettleSteps + Math.Max(1, stepsPerEpoch) - 1) / Math.Max(1, stepsPerEpoch))) : patience;

    /// <summary>The best training score seen, and the epoch it was first reached.</summary>
    public (double Score, int Epoch) Best { get; private set; } = (double.NegativeInfinity, 0);

    /// <summary>The first epoch's training score (NaN before it).</summary>
    public double First { get; private set; } = double.NaN;

    /// <summary>Takes a hard model's training accuracy after <paramref name="epoch"/>; returns why to stop now, or null to go on.</summary>
    public EarlyStopReason? Observe(int epoch, double score) => Observe(epoch, TrainingFit.Of(score));

    /// <inheritdoc cref="Observe(int, double)"/>
    public EarlyStopReason? Observe(int epoch, TrainingFit fit)
    {
        double score = fit.Score;
        if (double.IsNaN(First)) First = score;
        if (score > Best.Score) Best = (score, epoch);
        if (fit.Fits) return EarlyStopReason.Solved;
        bool progressed = Best.Score >= First + ProgressMargin;
        int idle = epoch - Best.Epoch;
        if (progressed && idle >= SettleEpochs) return EarlyStopReason.Settled;
        return idle >= Patience ? EarlyStopReason.Plateau : null;
    }

    /// <summary>The run message for a stop after <paramref name="epoch"/> of <paramref name="planned"/>.</summary>
    public string Describe(EarlyStopReason reason, int epoch, int planned) => reason switch
    {
        EarlyStopReason.Solved => $"stopped at epoch {epoch} of {planned}: the model fits the training rows",
        EarlyStopReason.Settled => string.Create(CultureInfo.InvariantCulture,
            $"stopped at epoch {epoch} of {planned}: the training score rose from {First:0.####} to {Best.Score:0.####} (epoch {Best.Epoch}) and then not for {SettleEpochs} epochs"),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"stopped at epoch {epoch} of {planned}: no better training score for {Patience} epochs (best {Best.Score:0.####} at epoch {Best.Epoch})"),
    };
}
