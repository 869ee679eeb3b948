using LogicNets.Diagnostics.Diagnosis;
using LogicNets.Harness.Csv;
using LogicNets.Harness.Plots;

namespace LogicNets.Harness.Diagnosis;

/// <summary>What <c>diagnose</c> leaves beside the run: the layer table and three pictures (vanishing, gradient profile, rank).</summary>
public static class DiagnosisReport
{
    /// <summary>The layer table; a different table from a sparse learner's per-epoch statistics (<see cref="Runs.RunFolder.SparseLayersFile"/>).</summary>
    public const string TableFile = "layers.csv";

    public const string VanishingPlot = "vanishing.png", GradientPlot = "gradients.png", RankPlot = "rank.png";

    /// <summary>Every file a diagnosis writes into its folder (besides run.csv).</summary>
    public static readonly IReadOnlyList<string> Files = [TableFile, VanishingPlot, GradientPlot, RankPlot];

    /// <summary>Writes the table and the pictures into <paramref name="directory"/>; returns the paths.</summary>
    public static IReadOnlyList<string> Write(NetworkDiagnosis diagnosis, string directory, string title)
    {
        var layers = diagnosis.Layers;
        var paths = new List<string> { Path.Combine(directory, TableFile) };
        CsvTable.Write(paths[0], layers);
        double[] depth = layers.Select(row => (double)row.Depth).ToArray();

        paths.Add(Path.Combine(directory, VanishingPlot));
        LinePlot.Save(paths[^1], $"{title}: information vanishing", "layer", "ratio (0 = the input has vanished)",
        [
            new("input dependence ‖f(x)−f(0)‖/‖f(x)‖", depth, layers.Select(row => row.InputDependence).ToArray()),
            new("variance share across inputs", depth, layers.Select(row => row.VarianceShare).ToArray()),
            new("dead units", depth, layers.Select(row => row.DeadShare).ToArray()),
        ]);

        paths.Add(Path.Combine(directory, GradientPlot));
        LinePlot.Save(paths[^1], $"{title}: gradient profile", "layer", "log10 RMS",
        [
            new("weight gradient, plain", depth, layers.Select(row => Log10(row.WeightGradientRms)).ToArray()),
            new("activation gradient, plain", depth, layers.Select(row => Log10(row.ActivationGradientRms)).ToArray()),
            new("weight gradient, protected", depth, layers.Select(row => Log10(row.ProtectedWeightGradientRms)).ToArray()),
        ]);

        paths.Add(Path.Combine(directory, RankPlot));
        LinePlot.Save(paths[^1], $"{title}: rank capacity", "layer", "rank",
        [
            new("numerical rank", depth, layers.Select(row => (double?)row.NumericalRank ?? double.NaN).ToArray()),
            new("effective rank", depth, layers.Select(row => row.EffectiveRank ?? double.NaN).ToArray()),
            new("stable rank", depth, layers.Select(row => row.StableRank ?? double.NaN).ToArray()),
        ]);
        return paths;
    }

    private static double Log10(double? value) => value is > 0 ? Math.Log10(value.Value) : double.NaN;
}
