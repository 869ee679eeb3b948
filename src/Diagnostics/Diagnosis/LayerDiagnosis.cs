namespace LogicNets.Diagnostics.Diagnosis;

/// <summary>One stage of a diagnosed network: information vanishing, rank capacity and gradient profile at that stage.</summary>
public sealed record LayerDiagnosis
{
    public string Layer { get; set; } = "";
    public int Depth { get; set; }
    public string Type { get; set; } = "";
    public int? Rows { get; set; }
    public int? Columns { get; set; }

    /// <summary>Mean ‖W·a‖ / ‖b‖ over real inputs a.</summary>
    public double? WeightToBias { get; set; }
    public double InputDependence { get; set; }
    public double VarianceShare { get; set; }
    public double DeadShare { get; set; }
    public int? NumericalRank { get; set; }
    public double? RankTolerance { get; set; }
    public double? EffectiveRank { get; set; }
    public double? StableRank { get; set; }

    /// <summary>Rank where the low-rank probe's error stops falling (only with the probe requested).</summary>
    public int? ProbeRank { get; set; }
    public double? WeightGradientRms { get; set; }
    public double ActivationGradientRms { get; set; }
    public double? ProtectedWeightGradientRms { get; set; }
    public double ProtectedActivationGradientRms { get; set; }
}
