using CsvHelper;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Csv;

/// <summary>The columns of a run's sparse-layer statistics (<see cref="Runs.RunFolder.SparseLayersFile"/>): one row per epoch and layer.</summary>
[CsvRecordMap(typeof(LayerEpochStats))]
internal sealed partial class LayerEpochStatsColumns
{
    [CsvColumn("epoch")] public int Epoch { get; set; }
    [CsvColumn("layer")] public string Layer { get; set; } = "";
    [CsvColumn("activation_rate")] public double ActivationRate { get; set; }
    [CsvColumn("prototype_norm")] public double PrototypeNorm { get; set; }
    [CsvColumn("mean_cost")] public double MeanCost { get; set; }
    [CsvColumn("collapsed_share")] public double CollapsedShare { get; set; }
    [CsvColumn("revived", Optional = true)] public int Revived { get; set; }
}
