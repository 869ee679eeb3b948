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

    public List<LayerEpochStats> Rows { get; } = [];

    /// <summary>Adds the batch the layers just saw.</summary>
    public void AddBatch()
    {
        for (int index = 0; index < layers.Count; index++)
        {
            var layer = layers[index].Layer;
            if (layer.LastMask is null || layer.LastSignedCost is null) continue;
            using var scope = NewDisposeScope();
            _rows[index] += layer.LastMask.shape[0];
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
            var silent = _fired[index]!.eq(0);
            double entries = (double)_rows[index] * layer.OutputWidth;
            Rows.Add(new LayerEpochStats
            {
                Epoch = epoch,
                Layer = name,
                ActivationRate = Math.Round(_fired[index]!.sum().item<double>() / entries, 6),
                MeanCost = Math.Round(_cost[index]!.item<double>() / entries, 6),
                PrototypeNorm = Math.Round(layer.Prototype.detach().square().sum([1]).sqrt().mean().item<float>(), 6),
                CollapsedShare = Math.Round(silent.sum().item<long>() / (double)layer.OutputWidth, 6),
                Revived = revive ? layer.Revive(silent) : 0,
            });
            Reset(index);
        }
    }

    private void Reset(int index)
    {
        _cost[index]?.Dispose();
        _fired[index]?.Dispose();
        _cost[index] = _fired[index] = null;
        _rows[index] = 0;
    }

    public void Dispose()
    {
        for (int index = 0; index < layers.Count; index++) Reset(index);
    }
}
