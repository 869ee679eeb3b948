namespace LogicNets.Tasks.Learning;

/// <summary>A learner that reports per-epoch, per-layer statistics of its sparse layers.</summary>
public interface ILayerTelemetry
{
    /// <summary>Rows of the last fit, in epoch then layer order.</summary>
    IReadOnlyList<LayerEpochStats> LayerStats { get; }

    /// <summary>
    /// The epoch whose weights the fit ended with when it kept earlier ones than its last (best training score), else
    /// null: that epoch's rows, not the last epoch's, describe the model as kept.
    /// </summary>
    int? KeptEpoch { get; }

    /// <summary>
    /// Mean activation rate and collapsed share over the layers, and the largest collapsed share of one layer, in the
    /// epoch that describes the model as kept; null without rows.
    /// </summary>
    (double ActivationRate, double CollapsedShare, double LargestCollapsedShare)? FinalSparsity()
    {
        if (LayerEpochStats.ModelEpoch(LayerStats, KeptEpoch) is not { } epoch) return null;
        var rows = LayerStats.Where(row => row.Epoch == epoch).ToList();
        return (rows.Average(row => row.ActivationRate), rows.Average(row => row.CollapsedShare), rows.Max(row => row.CollapsedShare));
    }
}
