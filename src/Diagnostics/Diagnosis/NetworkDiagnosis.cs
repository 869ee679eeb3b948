using LogicNets.Continuous.Gramo;
using LogicNets.Diagnostics.Gradients;
using LogicNets.Diagnostics.Inspection;
using LogicNets.Diagnostics.Rank;
using LogicNets.Diagnostics.Vanishing;
using static TorchSharp.torch;

namespace LogicNets.Diagnostics.Diagnosis;

/// <summary>
/// The layer table of one network on real inputs — information vanishing, rank capacity and the gradient profile
/// (plain and with gradient-length protection) — plus the verdicts a person acts on. Measures only: the harness
/// writes it (CSV and pictures).
/// </summary>
public sealed record NetworkDiagnosis(IReadOnlyList<LayerDiagnosis> Layers, string? IgnoresInput, int? PathwayRankBound)
{
    public static NetworkDiagnosis Measure(IReadOnlyList<LayerStage> stages, Tensor inputs, Tensor targets, bool bitTargets, bool lowRankProbe = false)
    {
        var vanishing = InformationVanishing.Measure(stages, inputs);
        var plain = GradientProfile.Measure(stages, inputs, targets, bitTargets);
        var protectedProfile = GradientProfile.Measure(stages, inputs, targets, bitTargets, new ProtectionSettings());
        var ranks = new List<RankCapacity>();
        var rows = new List<LayerDiagnosis>();
        for (int index = 0; index < stages.Count; index++)
        {
            var stage = stages[index];
            var row = new LayerDiagnosis
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
                if (lowRankProbe) row.ProbeRank = LowRankProbe.Plateau(LowRankProbe.Of(rank));
            }
            rows.Add(row);
        }
        return new NetworkDiagnosis(rows, InformationVanishing.IgnoresInput(vanishing), ranks.Count > 0 ? RankCapacity.PathwayBound(ranks) : null);
    }

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
