namespace LogicNets.Tasks.Learning;

/// <summary>A learner that reports per-epoch, per-layer statistics of its sparse layers.</summary>
public interface ILayerTelemetry
{
    /// <summary>Rows of the last fit, in epoch then layer order.</summary>
    IReadOnlyList<LayerEpochStats> LayerStats { get; }
}
