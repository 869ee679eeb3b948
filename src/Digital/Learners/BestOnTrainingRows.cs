using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Tasks.Learning;

namespace LogicNets.Digital.Learners;

/// <summary>
/// Scores a learner's current discrete state (gate choices, a mapper's circuit) on the training rows after every
/// epoch and keeps the best seen. Stop when solved watches the score; the fit ends with the best state, not the
/// last: on noisy rows a net drifts away from the rule it found (noisy-xor: XOR at epoch 10, a worse circuit ten
/// epochs later).
/// </summary>
internal sealed class BestOnTrainingRows<T>(Func<T> current, Func<T, HardCircuit> toCircuit, PackedRowsScore train) where T : class
{
    private T? _best;
    private double _bestScore = double.NegativeInfinity;

    /// <summary>The training rows' fit of the state as it stands (kept when it is the best so far).</summary>
    public TrainingFit Observe()
    {
        var state = current();
        double score = train.Of(toCircuit(state));
        if (score > _bestScore)
        {
            _best = state;
            _bestScore = score;
        }
        return TrainingFit.Of(score);
    }

    /// <summary>The state now, or the best seen when that scored higher on the training rows.</summary>
    public T Final()
    {
        var last = current();
        return _best is not null && _bestScore > train.Of(toCircuit(last)) ? _best : last;
    }
}
