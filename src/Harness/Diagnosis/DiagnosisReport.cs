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
        var ticks = LayerTicks(layers);
        const string layerAxis = "layer (its name in layers.csv)";

        paths.Add(Path.Combine(directory, VanishingPlot));
        LinePlot.Save(paths[^1], $"{title}: information vanishing", layerAxis, "ratio (0 = the input has vanished)",
        [
            new("input dependence ‖f(x)−f(0)‖/‖f(x)‖", depth, layers.Select(row => row.InputDependence).ToArray()),
            new("variance share across inputs", depth, layers.Select(row => row.VarianceShare).ToArray()),
            new("dead units", depth, layers.Select(row => row.DeadShare).ToArray()),
        ], xTicks: ticks);

        paths.Add(Path.Combine(directory, GradientPlot));
        LinePlot.Save(paths[^1], $"{title}: gradient profile", layerAxis, "log10 RMS",
        [
            new("weight gradient, plain", depth, layers.Select(row => Log10(row.WeightGradientRms)).ToArray()),
            new("activation gradient, plain", depth, layers.Select(row => Log10(row.ActivationGradientRms)).ToArray()),
            new("weight gradient, protected", depth, layers.Select(row => Log10(row.ProtectedWeightGradientRms)).ToArray()),
        ], xTicks: ticks);

        paths.Add(Path.Combine(directory, RankPlot));
        LinePlot.Save(paths[^1], $"{title}: rank capacity", layerAxis, "rank",
        [
            new("numerical rank", depth, layers.Select(row => (double?)row.NumericalRank ?? double.NaN).ToArray()),
            new("effective rank", depth, layers.Select(row => row.EffectiveRank ?? double.NaN).ToArray()),
            new("stable rank", depth, layers.Select(row => row.StableRank ?? double.NaN).ToArray()),
        ], xTicks: ticks);
        return paths;
    }

    /// <summary>One tick per layer at its depth, labelled with the layer's name as layers.csv writes it; every k-th when there are many.</summary>
    private static AxisTicks LayerTicks(IReadOnlyList<LayerDiagnosis> layers)
    {
        int every = Math.Max(1, (int)Math.Ceiling(layers.Count / 12.0));
        var shown = layers.Where((_, index) => index % every == 0 || index == layers.Count - 1).ToArray();
        return new AxisTicks(shown.Select(row => (double)row.Depth).ToArray(), shown.Select(row => row.Layer).ToArray());
    }

    private static double Log10(double? value) => value is > 0 ? Math.Log10(value.Value) : double.NaN;
}
