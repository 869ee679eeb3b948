namespace LogicNets.Diagnostics.Vanishing;

/// <summary>Information vanishing measured at the output of one stage.</summary>
public sealed record VanishingRow(
    string Layer,
    int Depth,
    double? WeightToBias,
    double InputDependence,
    double VarianceShare,
    double DeadShare);
