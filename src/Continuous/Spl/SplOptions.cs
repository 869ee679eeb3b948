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

/// <summary>
/// Knobs of SPL layers and their M-SAPS meta-learning; the defaults are the documented choices. Each is a
/// learner option of <c>spl</c> and <c>moie</c> (<c>--set adaptive-l2=0.01</c>; <c>logicnets models spl</c> lists them).
/// </summary>
public sealed record SplOptions
{
    [Description("which way the prototype loss moves prototypes: the design text (pull good, push bad) or the reference code's reading")]
    public PrototypeLossSign PrototypeSign { get; init; } = PrototypeLossSign.PullGoodPushBad;

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

    [Description("learning rate of the meta optimiser (prototypes and gates)")]
    public double MetaLearningRate { get; init; } = 1e-2;
}
