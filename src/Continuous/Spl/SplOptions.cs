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

/// <summary>Knobs of SPL layers and their M-SAPS meta-learning; the defaults are the documented choices.</summary>
public sealed record SplOptions
{
    public PrototypeLossSign PrototypeSign { get; init; } = PrototypeLossSign.PullGoodPushBad;

    /// <summary>Cost as the signed x·g (default) or its absolute value.</summary>
    public bool AbsoluteCost { get; init; }

    /// <summary>Scale prototype gradients by 1 − softmax(−‖g_j‖/T) over experts.</summary>
    public bool Protection { get; init; }

    public TemperatureDirection Temperature { get; init; } = TemperatureDirection.FallsWithAccuracy;

    public double BaseTemperature { get; init; } = 1.0;

    /// <summary>EMA factor of the running batch accuracy that drives the temperature.</summary>
    public double AccuracyMomentum { get; init; } = 0.9;

    /// <summary>Adaptive L2 on the computation rows, λ = this × mean row norm; 0 turns it off.</summary>
    public double AdaptiveL2 { get; init; }

    /// <summary>
    /// Factor on the gate's regression target DRLN(S_μ) + DRLN(S_p) ∈ [0, 2]. Match is a cosine in [−1, 1], so at
    /// factor 1 the most surprising experts are priced out and whole layers fall silent (measured on add:4); the
    /// default 0.1 keeps the target on the scale of the match margin.
    /// </summary>
    public double GateTargetScale { get; init; } = 0.1;

    /// <summary>Learning rate of the meta optimiser (prototypes and gates).</summary>
    public double MetaLearningRate { get; init; } = 1e-2;
}
