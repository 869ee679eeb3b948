using System.ComponentModel;

namespace LogicNets.Continuous.Spl;

/// <summary>Which way the prototype loss moves prototypes (a contested choice of the reference design).</summary>
public enum PrototypeLossSign
{
    /// <summary>The design text: good experts' prototypes are pulled toward their anchors, bad ones pushed away.</summary>
    PullGoodPushBad,

    /// <summary>The reference code's reading: good pushed away, bad pulled in.</summary>
    PushGoodPullBad,
}

/// <summary>How the protection temperature follows the running accuracy (contested in the reference design).</summary>
public enum TemperatureDirection
{
    /// <summary>T = T0·(1 − acc): as accuracy rises protection sharpens onto the experts with the smallest gates.</summary>
    FallsWithAccuracy,

    /// <summary>T = T0·acc: protection is sharp early and flattens as accuracy rises.</summary>
    RisesWithAccuracy,
}

/// <summary>Which rows pass the main loss's gradient through an expert's straight-through mask to its prototype and gate.</summary>
public enum MaskGradient
{
    /// <summary>The design: through ReLU(match − cost), so only rows where the expert fires; a silent expert learns nothing from the loss.</summary>
    Firing,

    /// <summary>Every row: the gradient reaches match − cost where the expert is silent too, so the loss can reopen it.</summary>
    Every,
}

/// <summary>Which code computes an SPL layer (<see cref="SplOptions.Kernel"/>).</summary>
public enum SplKernel
{
    /// <summary>libtorch operations, on any device.</summary>
    Libtorch,

    /// <summary>
    /// On CPU float32 (libtorch elsewhere) each SPL layer as one <see cref="FusedSplFunction"/> node, in moie the
    /// attention between the projections (<c>RotaryAttentionFunction</c>) and the layer norms (<c>LayerNormFunction</c>)
    /// too, and the main parameters' Adam step as SIMD loops (<c>FusedAdam</c>): the same functions; sums run in another
    /// order, so the last float bits differ and a long run can take another path.
    /// </summary>
    Fused,

    /// <summary>
    /// <see cref="Fused"/> for a model up to <see cref="SplOptions.FusedWidthLimit"/> wide, <see cref="Libtorch"/> above
    /// (<see cref="SplOptions.ResolveKernel"/>): the fused loops win at small widths, libtorch's matrix products at large.
    /// </summary>
    Auto,
}

/// <summary>Where an SPL expert's prototype starts.</summary>
public enum PrototypeStart
{
    /// <summary>The design: standard normal rows; an expert whose prototype points away from every input never fires.</summary>
    Random,

    /// <summary>On rows of the input the layer sees for a random training batch, so every expert fires at the start.</summary>
    Inputs,

    /// <summary>Random, except that an expert that fires on no row of that batch starts on one of its rows (as <see cref="Inputs"/>).</summary>
    RandomOrInputs,
}

/// <summary>
/// Knobs of SPL layers and their M-SAPS meta-learning; the defaults are <c>spl</c>'s, chosen by measurement
/// (docs/evaluations/README.md). Each is a learner option of <c>spl</c> and <c>moie</c> (<c>--set adaptive-l2=0.01</c>;
/// <c>logicnets models spl</c> lists them); <see cref="Moie.MoieOptions"/> has moie's defaults.
/// </summary>
public record SplOptions
{
    /// <remarks>
    /// Off by default since measured (issue #17; docs/evaluations/README.md, "spl without M-SAPS"): with the meta learning
    /// rate at 3·10⁻⁴, spl without M-SAPS is as accurate as with it on parity:16:3, noisy-xor and the mixture and better
    /// on add:6 (0.962–0.974 against 0.952–0.964, seeds 1–5), and its step costs a third less (M-SAPS was about 40 % of
    /// it). At the old meta rate 10⁻³ without M-SAPS, add:6 fell to 0.926 on seed 4.
    /// </remarks>
    [Description("add the M-SAPS meta gradients; off: prototypes and gates learn from the loss alone, through the mask")]
    public bool Msaps { get; init; }

    /// <remarks>
    /// The term is λ·mean_j ReLU(floor − P_j)² with P_j = mean over the batch of σ((match − cost)/τ): a smooth firing
    /// rate, so an expert that fires on no row still gets a gradient that reopens it (while its drive is within a few τ
    /// of zero; far below, σ saturates and the push fades), and experts above the floor feel nothing (sparsity itself is
    /// not penalised).
    /// </remarks>
    [Description("weight λ of the firing-floor term that revives silent experts; 0 turns it off")]
    public double Balance { get; init; }

    /// <remarks>
    /// In moie's block 0 a layer sees only two input vectors per bit position (its bit 0 or 1), clustered around two
    /// directions: a random prototype within 90° of neither never fires, and the firing floor cannot reach it once its
    /// drive is far below zero (measured: add:6 seed 2, two of eight value experts silent from the first epoch on).
    /// <c>spl</c> starts on its inputs by default since measured (docs/evaluations/README.md, "spl on centred inputs"):
    /// on <c>product</c>, whose inputs all point one way, random prototypes left 44–63 % of a layer silent at the end and
    /// the full suite 12.5–100 %; centred rows leave none, and the four bit tasks of issue #17 score as before.
    /// </remarks>
    [Description("where prototypes start: random (normal rows, the design), inputs (centred rows of what the layer sees for a random training batch) or random-or-inputs (random, and experts silent on that batch on its rows)")]
    public PrototypeStart PrototypeStart { get; init; } = PrototypeStart.Inputs;

    [Description("the firing rate below which the firing-floor term pushes an expert back open")]
    public double BalanceFloor { get; init; } = 0.2;

    [Description("temperature τ of the smooth firing rate σ((match − cost)/τ) the firing-floor term uses")]
    public double BalanceTemperature { get; init; } = 0.1;

    [Description("cosine-anneal the main and the meta learning rate to zero over the planned steps")]
    public bool Anneal { get; init; } = true;

    [Description("which way the prototype loss moves prototypes: the design text (pull good, push bad) or the reference code's reading")]
    public PrototypeLossSign PrototypeSign { get; init; } = PrototypeLossSign.PullGoodPushBad;

    [Description("which rows pass the loss's gradient through the straight-through mask: firing (the design) or every")]
    public MaskGradient MaskGradient { get; init; } = MaskGradient.Firing;

    [Description("cost as the absolute value of x·g instead of the signed product")]
    public bool AbsoluteCost { get; init; }

    [Description("scale prototype gradients by 1 − softmax(−‖g_j‖/T) over experts (gradient protection)")]
    public bool Protection { get; init; }

    [Description("how the protection temperature follows the running accuracy")]
    public TemperatureDirection Temperature { get; init; } = TemperatureDirection.FallsWithAccuracy;

    [Description("protection temperature T0")]
    public double BaseTemperature { get; init; } = 1.0;

    [Description("EMA factor of the running batch accuracy that drives the temperature")]
    public double AccuracyMomentum { get; init; } = 0.9;

    [Description("adaptive L2 on the computation rows, λ = this × mean row norm; 0 turns it off")]
    public double AdaptiveL2 { get; init; }

    /// <remarks>
    /// Match is a cosine in [−1, 1], so at factor 1 the most surprising experts are priced out and whole layers fall
    /// silent (measured on add:4); the default 0.1 keeps the target on the scale of the match margin.
    /// </remarks>
    [Description("factor on the gate's regression target DRLN(S_μ) + DRLN(S_p) ∈ [0, 2]")]
    public double GateTargetScale { get; init; } = 0.1;

    [Description("learning rate of the meta optimiser (prototypes and gates); 0 freezes them where they start (no gradient is computed for them)")]
    public double MetaLearningRate { get; init; } = 3e-4;

    /// <remarks>
    /// Applied after M-SAPS has read the computation rows' gradients (their surprise), so it bounds the main optimiser's
    /// step without changing which experts M-SAPS rates good or bad.
    /// </remarks>
    [Description("clip the loss's gradient of the main weights (computation rows and all but prototypes and gates) to this total norm before each step; 0 turns it off")]
    public double GradientClip { get; init; }

    /// <remarks>
    /// A silent expert's computation row contributes nothing, so zeroing it leaves the network's output unchanged at the
    /// moment of revival; with its gate at zero and its prototype on an input the layer saw, it fires on the rows that
    /// point the same way and learns from there (the dead-code restart of vector quantisers).
    /// </remarks>
    [Description("at each epoch's end, re-seed every expert that fired on no row of the epoch: prototype on a random input of the last batch, gate and computation row zero")]
    public bool Revive { get; init; }

    [Description("which code runs on CPU: libtorch operations, fused SIMD kernels (every SPL layer, moie's attention and layer norms as one autograd node each, and the Adam step), or auto: fused up to width 32, libtorch above; other devices use libtorch")]
    public SplKernel Kernel { get; init; } = SplKernel.Libtorch;

    /// <remarks>
    /// Measured (one thread, moie one epoch on add:8, BENCHMARKS.md): fused against libtorch 0.45× the time at width 8,
    /// 0.67× at 16, equal at 32 and 3.6× at 64, where libtorch's matrix products pull ahead of the fused loops.
    /// </remarks>
    public const int FusedWidthLimit = 32;

    /// <summary>These options with <see cref="SplKernel.Auto"/> decided for a model <paramref name="width"/> wide; others as they are.</summary>
    public SplOptions ResolveKernel(int width) =>
        Kernel == SplKernel.Auto ? this with { Kernel = width <= FusedWidthLimit ? SplKernel.Fused : SplKernel.Libtorch } : this;
}
