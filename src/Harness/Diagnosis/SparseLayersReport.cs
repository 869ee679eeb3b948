using LogicNets.Harness.Plots;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Diagnosis;

/// <summary>
/// Where and when a sparse (SPL-family) learner's experts die: its per-epoch layer statistics drawn over training, one
/// line per layer, and a one-line-per-layer summary of the last epoch with the epoch each layer's collapse set in.
/// </summary>
public static class SparseLayersReport
{
    public const string CollapsePlot = "collapse.png", ActivationPlot = "activation.png";

    /// <summary>Every picture this report writes.</summary>
    public static readonly IReadOnlyList<string> Files = [CollapsePlot, ActivationPlot];

    /// <summary>Writes both pictures into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<LayerEpochStats> stats, string directory, string title)
    {
        var layers = LayerNames(stats);
        LineSeries Series(string layer, Func<LayerEpochStats, double> value)
        {
            var rows = stats.Where(row => row.Layer == layer).OrderBy(row => row.Epoch).ToArray();
            return new LineSeries(layer, rows.Select(row => (double)row.Epoch).ToArray(), rows.Select(value).ToArray());
        }
        var paths = new List<string> { Path.Combine(directory, CollapsePlot), Path.Combine(directory, ActivationPlot) };
        LinePlot.Save(paths[0], $"{title}: collapsed experts", "epoch", "share of experts that fired on no training row",
            layers.Select(layer => Series(layer, row => row.CollapsedShare)).ToList(), yLimits: (-0.02, 1.02));
        LinePlot.Save(paths[1], $"{title}: activation", "epoch", "share of (row, expert) pairs firing",
            layers.Select(layer => Series(layer, row => row.ActivationRate)).ToList(), yLimits: (-0.02, 1.02));
        return paths;
    }

    /// <summary>
    /// Per layer: the activation and collapse in the epoch the model ended with (<paramref name="keptEpoch"/> when the
    /// fit kept earlier weights, else the last), the first epoch from which the collapse never fell again before it,
    /// and how many experts the SPL option <c>revive</c> re-seeded over the run.
    /// </summary>
    public static IReadOnlyList<string> Summary(IReadOnlyList<LayerEpochStats> stats, int? keptEpoch = null)
    {
        var lines = new List<string>();
        int? modelEpoch = LayerEpochStats.ModelEpoch(stats, keptEpoch);
        foreach (string layer in LayerNames(stats))
        {
            var all = stats.Where(row => row.Layer == layer).OrderBy(row => row.Epoch).ToArray();
            var rows = all.Where(row => row.Epoch <= modelEpoch).ToArray();
            var last = rows[^1];
            string when = "";
            if (last.CollapsedShare > 0)
            {
                int settled = rows.Length - 1;
                while (settled > 0 && rows[settled - 1].CollapsedShare >= last.CollapsedShare) settled--;
                when = $", reached at epoch {rows[settled].Epoch}";
            }
            int revived = all.Sum(row => row.Revived);
            string revival = revived > 0 ? $"; {revived} experts revived over the run" : "";
            lines.Add($"{layer,-10} activation {last.ActivationRate:0.000}  collapsed {last.CollapsedShare:0.000}{when}{revival}");
        }
        return lines;
    }

    private static List<string> LayerNames(IReadOnlyList<LayerEpochStats> stats) => stats.Select(row => row.Layer).Distinct().ToList();
}
