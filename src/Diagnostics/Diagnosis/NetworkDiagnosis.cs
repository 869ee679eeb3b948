using LogicNets.Continuous.Gramo;
using LogicNets.Diagnostics.Gradients;
using LogicNets.Diagnostics.Inspection;
using LogicNets.Diagnostics.Plots;
using LogicNets.Diagnostics.Rank;
using LogicNets.Diagnostics.Vanishing;
using LogicNets.Tasks.Results;
using static TorchSharp.torch;

namespace LogicNets.Diagnostics.Diagnosis;

/// <summary>
/// The layer table of one network on real inputs — information vanishing, rank capacity and the gradient profile
/// (plain and with gradient-length protection) — plus the verdicts a person acts on.
/// </summary>
public sealed record NetworkDiagnosis(IReadOnlyList<LayerDiagnosisRecord> Layers, string? IgnoresInput, int? PathwayRankBound)
{
    public const string TableFile = "layers.csv";

    public static NetworkDiagnosis Measure(IReadOnlyList<LayerStage> stages, Tensor inputs, Tensor targets, bool bitTargets, bool lowRankProbe = false)
    {
        var vanishing = InformationVanishing.Measure(stages, inputs);
        var plain = GradientProfile.Measure(stages, inputs, targets, bitTargets);
        var protectedProfile = GradientProfile.Measure(stages, inputs, targets, bitTargets, new ProtectionSettings());
        var ranks = new List<RankCapacity>();
        var rows = new List<LayerDiagnosisRecord>();
        for (int index = 0; index < stages.Count; index++)
        {
            var stage = stages[index];
            var row = new LayerDiagnosisRecord
            {
                Layer = stage.Name,
                Depth = index + 1,
                Type = stage.Type,
                WeightToBias = Round(vanishing[index].WeightToBias),
                InputDependence = Round(vanishing[index].InputDependence)!.Value,
                VarianceShare = Round(vanishing[index].VarianceShare)!.Value,
                DeadShare = Round(vanishing[index].DeadShare)!.Value,
                WeightGradientRms = plain[index].WeightGradientRms,
                ActivationGradientRms = plain[index].ActivationGradientRms,
                ProtectedWeightGradientRms = protectedProfile[index].WeightGradientRms,
                ProtectedActivationGradientRms = protectedProfile[index].ActivationGradientRms,
            };
            if (stage.Weight is not null)
            {
                var matrix = ToMatrix(stage.Weight);
                var rank = RankCapacity.Of(matrix);
                ranks.Add(rank);
                row.Rows = rank.Rows;
                row.Columns = rank.Columns;
                row.NumericalRank = rank.NumericalRank;
                row.RankTolerance = rank.Tolerance;
                row.EffectiveRank = Round(rank.EffectiveRank);
                row.StableRank = Round(rank.StableRank);
                if (lowRankProbe) row.ProbeRank = LowRankProbe.Plateau(LowRankProbe.Run(matrix));
            }
            rows.Add(row);
        }
        return new NetworkDiagnosis(rows, InformationVanishing.IgnoresInput(vanishing), ranks.Count > 0 ? RankCapacity.PathwayBound(ranks) : null);
    }

    /// <summary>Writes layers.csv and the three pictures into <paramref name="directory"/>; returns the paths.</summary>
    public IReadOnlyList<string> Write(string directory, string title)
    {
        var paths = new List<string> { Path.Combine(directory, TableFile) };
        CsvTable.Write(paths[0], Layers);
        double[] depth = Layers.Select(row => (double)row.Depth).ToArray();

        paths.Add(Path.Combine(directory, "vanishing.png"));
        LinePlot.Save(paths[^1], $"{title}: information vanishing", "layer", "ratio (0 = the input has vanished)",
        [
            new("input dependence ‖f(x)−f(0)‖/‖f(x)‖", depth, Layers.Select(row => row.InputDependence).ToArray()),
            new("variance share across inputs", depth, Layers.Select(row => row.VarianceShare).ToArray()),
            new("dead units", depth, Layers.Select(row => row.DeadShare).ToArray()),
        ]);

        paths.Add(Path.Combine(directory, "gradients.png"));
        LinePlot.Save(paths[^1], $"{title}: gradient profile", "layer", "log10 RMS",
        [
            new("weight gradient, plain", depth, Layers.Select(row => Log10(row.WeightGradientRms)).ToArray()),
            new("activation gradient, plain", depth, Layers.Select(row => Log10(row.ActivationGradientRms)).ToArray()),
            new("weight gradient, protected", depth, Layers.Select(row => Log10(row.ProtectedWeightGradientRms)).ToArray()),
        ]);

        paths.Add(Path.Combine(directory, "rank.png"));
        LinePlot.Save(paths[^1], $"{title}: rank capacity", "layer", "rank",
        [
            new("numerical rank", depth, Layers.Select(row => (double?)row.NumericalRank ?? double.NaN).ToArray()),
            new("effective rank", depth, Layers.Select(row => row.EffectiveRank ?? double.NaN).ToArray()),
            new("stable rank", depth, Layers.Select(row => row.StableRank ?? double.NaN).ToArray()),
        ]);
        return paths;
    }

    private static double Log10(double? value) => value is > 0 ? Math.Log10(value.Value) : double.NaN;

    private static double? Round(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 6) : value;

    private static double[,] ToMatrix(Tensor weight)
    {
        using var scope = NewDisposeScope();
        var cpu = weight.detach().to_type(ScalarType.Float64).cpu();
        int rows = (int)cpu.shape[0], columns = (int)cpu.shape[1];
        var flat = cpu.data<double>().ToArray();
        var matrix = new double[rows, columns];
        Buffer.BlockCopy(flat, 0, matrix, 0, flat.Length * sizeof(double));
        return matrix;
    }
}
