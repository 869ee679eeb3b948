using CsvHelper;

namespace LogicNets.Harness.Reports;

/// <summary>One (task, model) accuracy-vs-size curve and its verdict: a row of curves.csv.</summary>
[CsvRecord]
public sealed partial record CurveRecord
{
    [CsvColumn("task")] public string Task { get; set; } = "";
    [CsvColumn("train_fraction")] public double TrainFraction { get; set; }
    [CsvColumn("noise")] public double Noise { get; set; }
    [CsvColumn("model")] public string Model { get; set; } = "";

    /// <summary>test_bit_acc for bit tasks; solved (share of seeds meeting the NMU criterion) for real ones.</summary>
    [CsvColumn("metric")] public string Metric { get; set; } = "";
    [CsvColumn("verdict")] public string Verdict { get; set; } = "";
    [CsvColumn("sizes")] public int Sizes { get; set; }
    [CsvColumn("points")] public int Points { get; set; }
    [CsvColumn("jump_size")] public double? JumpSize { get; set; }
    [CsvColumn("jump_params")] public double? JumpParams { get; set; }
    [CsvColumn("midpoint_size")] public double? MidpointSize { get; set; }
    [CsvColumn("width_decades")] public double? WidthDecades { get; set; }
    [CsvColumn("step_r2")] public double? StepR2 { get; set; }
    [CsvColumn("logistic_r2")] public double? LogisticR2 { get; set; }
    [CsvColumn("acc_min")] public double? AccuracyMin { get; set; }
    [CsvColumn("acc_max")] public double? AccuracyMax { get; set; }
    [CsvColumn("reason")] public string Reason { get; set; } = "";

    /// <summary>The runs' config hash (run.csv's config column) and the label plots and summary.md give the curve.</summary>
    [CsvColumn("config")] public string Config { get; set; } = "";
    [CsvColumn("label")] public string Label { get; set; } = "";
}
