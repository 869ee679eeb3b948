namespace LogicNets.Diagnostics.PossibilitySpace;

/// <summary>The shape of an accuracy-vs-size curve.</summary>
public enum CurveShape
{
    /// <summary>A qualitative step: from some size on the architecture expresses the rule.</summary>
    Jump,

    /// <summary>A gradual logistic creep over a wide size range: more size buys accuracy, not the rule.</summary>
    Sigmoid,

    /// <summary>Size makes no difference over the range tried.</summary>
    Flat,

    /// <summary>The points do not decide (too few sizes, or neither fit explains them); the reason says which.</summary>
    Inconclusive,
}

/// <summary>A classified curve with the fits behind the verdict.</summary>
public sealed record CurveVerdict(
    CurveShape Shape,
    string Reason,
    int Sizes,
    int Points,
    double? JumpSize,
    double? MidpointSize,
    double? WidthDecades,
    double? StepR2,
    double? LogisticR2,
    double MinAccuracy,
    double MaxAccuracy)
{
    public string Name => Shape.ToString().ToLowerInvariant();
}
