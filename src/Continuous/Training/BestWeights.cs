using LogicNets.Tasks.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Training;

/// <summary>
/// Early stopping's other half: remembers the network's weights at its best training score and puts them back when the
/// fit ends worse (a sparse net can reach every training bit and then drift away while stop when solved waits out its
/// patience). Training rows only: the test rows never choose the weights.
/// </summary>
public sealed class BestWeights(nn.Module network) : IDisposable
{
    private readonly List<(Tensor Live, Tensor Copy)> _snapshot = [];
    private double _best = double.NegativeInfinity;

    /// <summary>The epoch the kept weights come from; 0 before any was kept.</summary>
    public int Epoch { get; private set; }

    public double Score => _best;

    /// <summary>Whether any weights were kept: without them there is nothing to put back, and no final score is needed.</summary>
    public bool HoldsWeights => _snapshot.Count > 0;

    /// <summary>Keeps a copy of the weights when <paramref name="fit"/> is the best score so far; returns it unchanged.</summary>
    public TrainingFit Observe(int epoch, TrainingFit fit)
    {
        if (fit.Score <= _best) return fit;
        _best = fit.Score;
        Epoch = epoch;
        using var noGrad = no_grad();
        if (_snapshot.Count == 0)
            foreach (var live in network.parameters().Concat(network.buffers()))
                _snapshot.Add((live, live.detach().clone().DetachFromDisposeScope()));
        else
            foreach (var (live, copy) in _snapshot) copy.copy_(live);
        return fit;
    }

    /// <summary>Puts the kept weights back when <paramref name="finalScore"/> is below the best; true when it did.</summary>
    public bool RestoreIfBetter(double finalScore)
    {
        if (_snapshot.Count == 0 || finalScore >= _best) return false;
        using var noGrad = no_grad();
        foreach (var (live, copy) in _snapshot) live.copy_(copy);
        return true;
    }

    public void Dispose()
    {
        foreach (var (_, copy) in _snapshot) copy.Dispose();
        _snapshot.Clear();
    }
}
