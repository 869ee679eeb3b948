using CsvHelper;

namespace LogicNets.Tasks.Results;

/// <summary>One epoch of one sparse (SPL-family) layer: how much of it fires and how its prototypes and gates move.</summary>
[CsvRecord]
public sealed partial record LayerStatsRecord
{
    [CsvColumn("epoch")] public int Epoch { get; set; }
    [CsvColumn("layer")] public string Layer { get; set; } = "";

    /// <summary>Mean of the expert mask over the epoch's training rows.</summary>
    [CsvColumn("activation_rate")] public double ActivationRate { get; set; }

    /// <summary>Mean prototype row norm at the end of the epoch.</summary>
    [CsvColumn("prototype_norm")] public double PrototypeNorm { get; set; }

    [CsvColumn("mean_cost")] public double MeanCost { get; set; }

    /// <summary>Share of experts that never fired on any training row of the epoch (collapse).</summary>
    [CsvColumn("collapsed_share")] public double CollapsedShare { get; set; }
}
