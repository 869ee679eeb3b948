using System.Diagnostics;

namespace LogicNets.Digital.Networks;

/// <summary>
/// Greedy repair of a discretised gate network: for every neuron, try every other gate (and, where wiring is
/// learnable, every other input wire) and keep a change only if it raises the score. Gradient training leaves a
/// gap between the relaxed net and its argmax circuit; this closes the part of it that single edits can reach.
/// The score must come from training data only.
/// </summary>
public static class GateLocalSearch
{
    /// <summary>Returns the number of accepted edits; stops at a perfect score, a full sweep without gain, or the budget.</summary>
    public static int Improve(GateChoices choices, Func<GateChoices, double> score, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        double best = score(choices);
        int accepted = 0;
        bool improved = true;
        while (improved && best < 1.0 && clock.Elapsed < budget)
        {
            improved = false;
            foreach (var layer in choices.Layers)
            {
                for (int j = 0; j < layer.Width && best < 1.0 && clock.Elapsed < budget; j++)
                {
                    if (TryAll(layer.Ops, j, 16, choices, score, ref best)) { improved = true; accepted++; }
                    if (!layer.Rewirable) continue;
                    if (TryAll(layer.A, j, layer.InputWidth, choices, score, ref best)) { improved = true; accepted++; }
                    if (TryAll(layer.B, j, layer.InputWidth, choices, score, ref best)) { improved = true; accepted++; }
                }
            }
        }
        return accepted;
    }

    private static bool TryAll(int[] slot, int j, int options, GateChoices choices, Func<GateChoices, double> score, ref double best)
    {
        int original = slot[j], chosen = original;
        for (int candidate = 0; candidate < options; candidate++)
        {
            if (candidate == original) continue;
            slot[j] = candidate;
            double value = score(choices);
            if (value > best)
            {
                best = value;
                chosen = candidate;
            }
        }
        slot[j] = chosen;
        return chosen != original;
    }
}
