namespace LogicNets.Tasks.Learning;

/// <summary>One epoch of one sparse (SPL-family) layer: how much of it fires and how its prototypes and gates move.</summary>
public sealed record LayerEpochStats
{
    public int Epoch { get; init; }

    public string Layer { get; init; } = "";

    /// <summary>Mean of the expert mask over the epoch's training rows.</summary>
    public double ActivationRate { get; init; }

    /// <summary>Mean prototype row norm at the end of the epoch.</summary>
    public double PrototypeNorm { get; init; }

    /// <summary>Mean gate cost x·g over the epoch's training rows.</summary>
    public double MeanCost { get; init; }

    /// <summary>Share of experts that never fired on any training row of the epoch (collapse).</summary>
    public double CollapsedShare { get; init; }

    /// <summary>Experts re-seeded at the epoch's end because they were silent (SPL option <c>revive</c>; 0 without it).</summary>
    public int Revived { get; init; }

    /// <summary>
    /// The epoch whose rows describe a model: <paramref name="keptEpoch"/> (the fit kept that epoch's weights) when the
    /// rows have it, else the last epoch; null without rows.
    /// </summary>
    public static int? ModelEpoch(IReadOnlyList<LayerEpochStats> stats, int? keptEpoch) =>
        stats.Count == 0 ? null : keptEpoch is { } kept && stats.Any(row => row.Epoch == kept) ? kept : stats.Max(row => row.Epoch);
}
