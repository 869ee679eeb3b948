using LogicNets.Tasks.Learning;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Spl;

/// <summary>
/// Accumulates one epoch of SPL statistics per layer from the layers' last-batch masks and costs. The sums stay on the
/// layers' device until the epoch ends, so a step costs no host round trip.
/// </summary>
public sealed class SparseLayerStats(IReadOnlyList<(string Name, SparseProtoLinear Layer)> layers) : IDisposable
{
    private readonly Tensor?[] _cost = new Tensor?[layers.Count];
    private readonly Tensor?[] _fired = new Tensor?[layers.Count];
    private readonly long[] _rows = new long[layers.Count];
    // Totals the fused kernel summed on the host (ExpertTotals), beside the device sums of the libtorch path.
    private readonly double[]?[] _firedOnHost = new double[]?[layers.Count];
    private readonly double[] _costOnHost = new double[layers.Count];

    public List<LayerEpochStats> Rows { get; } = [];

    /// <summary>Adds the batch the layers just saw.</summary>
    public void AddBatch()
    {
        for (int index = 0; index < layers.Count; index++)
        {
            var layer = layers[index].Layer;
            if (layer.LastMask is null || layer.LastSignedCost is null) continue;
            _rows[index] += layer.LastMask.shape[0];
            if (layer.LastTotals is { } totals)
            {
                var fired = _firedOnHost[index] ??= new double[layer.OutputWidth];
                for (int expert = 0; expert < fired.Length; expert++)
                {
                    fired[expert] += totals.Firing[expert];
                    _costOnHost[index] += totals.Cost[expert];
                }
                continue;
            }
            using var scope = NewDisposeScope();
            // Counts in float64: float32 stops counting exactly at 2^24. The activation is the sum of the experts' counts.
            Add(ref _fired[index], layer.LastMask.sum([0], type: ScalarType.Float64));
            Add(ref _cost[index], layer.CostOf(layer.LastSignedCost).sum(ScalarType.Float64));
        }
    }

    private static void Add(ref Tensor? total, Tensor batch)
    {
        if (total is null) total = batch.detach().clone().DetachFromDisposeScope();
        else total.add_(batch);
    }

    /// <summary>
    /// Closes the epoch: appends a row per layer and resets the counters. With <paramref name="revive"/> the experts
    /// that fired on no row are re-seeded after their row is written (<see cref="SparseProtoLinear.Revive"/>), and the
    /// row says how many.
    /// </summary>
    public void EndEpoch(int epoch, bool revive = false)
    {
        for (int index = 0; index < layers.Count; index++)
        {
            var (name, layer) = layers[index];
            if (_rows[index] == 0) continue;
            using var scope = NewDisposeScope();
            var fired = Fired(index, layer.OutputWidth);
            double cost = _costOnHost[index] + (_cost[index]?.item<double>() ?? 0);
            var silent = fired.Select(count => count == 0).ToArray();
            double entries = (double)_rows[index] * layer.OutputWidth;
            Rows.Add(new LayerEpochStats
            {
                Epoch = epoch,
                Layer = name,
                ActivationRate = Math.Round(fired.Sum() / entries, 6),
                MeanCost = Math.Round(cost / entries, 6),
                PrototypeNorm = Math.Round(layer.Prototype.detach().square().sum([1]).sqrt().mean().item<float>(), 6),
                CollapsedShare = Math.Round(silent.Count(s => s) / (double)layer.OutputWidth, 6),
                Revived = revive ? layer.Revive(tensor(silent, device: layer.Prototype.device)) : 0,
            });
            Reset(index);
        }
    }

    /// <summary>Each expert's firing count over the epoch: the host totals plus the device sums.</summary>
    private double[] Fired(int index, int experts)
    {
        var fired = _firedOnHost[index] is { } host ? (double[])host.Clone() : new double[experts];
        if (_fired[index] is { } device)
        {
            var counts = device.cpu().data<double>().ToArray();
            for (int expert = 0; expert < experts; expert++) fired[expert] += counts[expert];
        }
        return fired;
    }

    private void Reset(int index)
    {
        _cost[index]?.Dispose();
        _fired[index]?.Dispose();
        _cost[index] = _fired[index] = null;
        _firedOnHost[index] = null;
        _costOnHost[index] = 0;
        _rows[index] = 0;
    }

    public void Dispose()
    {
        for (int index = 0; index < layers.Count; index++) Reset(index);
    }
}
