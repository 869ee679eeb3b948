using LogicNets.Tasks.Learning;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Spl;

/// <summary>Accumulates one epoch of SPL statistics per layer from the layers' last-batch masks and costs.</summary>
public sealed class SparseLayerStats(IReadOnlyList<(string Name, SparseProtoLinear Layer)> layers)
{
    private readonly double[] _activation = new double[layers.Count];
    private readonly double[] _cost = new double[layers.Count];
    private readonly long[] _rows = new long[layers.Count];
    private readonly bool[][] _fired = layers.Select(entry => new bool[entry.Layer.OutputWidth]).ToArray();

    public List<LayerEpochStats> Rows { get; } = [];

    /// <summary>Adds the batch the layers just saw.</summary>
    public void AddBatch()
    {
        for (int index = 0; index < layers.Count; index++)
        {
            var layer = layers[index].Layer;
            if (layer.LastMask is null || layer.LastCost is null) continue;
            using var scope = NewDisposeScope();
            long rows = layer.LastMask.shape[0];
            _activation[index] += layer.LastMask.mean().item<float>() * rows;
            _cost[index] += layer.LastCost.mean().item<float>() * rows;
            _rows[index] += rows;
            var fired = layer.LastMask.sum([0]).gt(0).to_type(ScalarType.Int32).cpu().data<int>().ToArray();
            for (int expert = 0; expert < fired.Length; expert++) _fired[index][expert] |= fired[expert] != 0;
        }
    }

    /// <summary>Closes the epoch: appends a row per layer and resets the counters.</summary>
    public void EndEpoch(int epoch)
    {
        for (int index = 0; index < layers.Count; index++)
        {
            var (name, layer) = layers[index];
            if (_rows[index] == 0) continue;
            using var scope = NewDisposeScope();
            Rows.Add(new LayerEpochStats
            {
                Epoch = epoch,
                Layer = name,
                ActivationRate = Math.Round(_activation[index] / _rows[index], 6),
                MeanCost = Math.Round(_cost[index] / _rows[index], 6),
                PrototypeNorm = Math.Round(layer.Prototype.detach().square().sum([1]).sqrt().mean().item<float>(), 6),
                CollapsedShare = Math.Round(_fired[index].Count(fired => !fired) / (double)_fired[index].Length, 6),
            });
            _activation[index] = 0;
            _cost[index] = 0;
            _rows[index] = 0;
            Array.Clear(_fired[index]);
        }
    }
}
