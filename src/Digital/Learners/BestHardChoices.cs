using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Digital.Networks;

namespace LogicNets.Digital.Learners;

/// <summary>
/// Scores the discretised network on the training rows after every epoch and keeps the best choices seen. Stop
/// when solved watches the score; the fit ends with the best circuit, not the last: on noisy rows the relaxed
/// network drifts away from the rule it found (noisy-xor: XOR at epoch 10, a worse circuit ten epochs later).
/// </summary>
internal sealed class BestHardChoices(Func<GateChoices> current, Func<GateChoices, HardCircuit> toCircuit, PackedRowsScore train)
{
    private GateChoices? _best;
    private double _bestScore = double.NegativeInfinity;

    /// <summary>The training rows' score of the network as it stands (its choices are kept when they are the best so far).</summary>
    public double Observe()
    {
        var choices = current();
        double score = train.Of(toCircuit(choices));
        if (score > _bestScore)
        {
            _best = choices;
            _bestScore = score;
        }
        return score;
    }

    /// <summary>The network's choices now, or the best seen when that scored higher on the training rows.</summary>
    public GateChoices Final()
    {
        var last = current();
        return _best is not null && _bestScore > train.Of(toCircuit(last)) ? _best : last;
    }
}
