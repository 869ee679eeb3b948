using CsvHelper;
using LogicNets.Diagnostics.Diagnosis;

namespace LogicNets.Harness.Csv;

/// <summary>The columns of the diagnose layer table (<see cref="Diagnosis.DiagnosisReport.TableFile"/>): one row per stage.</summary>
[CsvRecordMap(typeof(LayerDiagnosis))]
internal sealed partial class LayerDiagnosisColumns
{
    [CsvColumn("layer")] public string Layer { get; set; } = "";
    [CsvColumn("depth")] public int Depth { get; set; }
    [CsvColumn("type")] public string Type { get; set; } = "";
    [CsvColumn("rows")] public int? Rows { get; set; }
    [CsvColumn("cols")] public int? Columns { get; set; }
    [CsvColumn("weight_to_bias")] public double? WeightToBias { get; set; }
    [CsvColumn("input_dependence")] public double InputDependence { get; set; }
    [CsvColumn("variance_share")] public double VarianceShare { get; set; }
    [CsvColumn("dead_share")] public double DeadShare { get; set; }
    [CsvColumn("numerical_rank")] public int? NumericalRank { get; set; }
    [CsvColumn("rank_tolerance")] public double? RankTolerance { get; set; }
    [CsvColumn("effective_rank")] public double? EffectiveRank { get; set; }
    [CsvColumn("stable_rank")] public double? StableRank { get; set; }
    [CsvColumn("probe_rank")] public int? ProbeRank { get; set; }
    [CsvColumn("weight_grad_rms")] public double? WeightGradientRms { get; set; }
    [CsvColumn("act_grad_rms")] public double ActivationGradientRms { get; set; }
    [CsvColumn("weight_grad_rms_protected")] public double? ProtectedWeightGradientRms { get; set; }
    [CsvColumn("act_grad_rms_protected")] public double ProtectedActivationGradientRms { get; set; }
}
