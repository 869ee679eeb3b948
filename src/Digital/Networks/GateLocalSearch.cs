using System.Diagnostics;

namespace LogicNets.Digital.Networks;

/// <summary>
/// Repair of a discretised gate network by iterated local search. A climb tries, for every neuron, every other gate
/// (and, where wiring is learnable, every other input wire) and keeps a change only if it raises the score. When a
/// climb stalls, a kick re-draws the choices of a few random neurons and climbs again; the result is kept if it
/// scores at least as well (sideways moves let the search drift across plateaus), else the best is restored.
/// Gradient training leaves a gap between the relaxed net and its argmax circuit; this closes what edits can reach.
/// The score must come from training data only.
/// </summary>
public static class GateLocalSearch
{
    /// <summary>Neurons re-drawn by one kick.</summary>
    public const int KickSize = 2;

    /// <summary>
    /// Returns the number of accepted edits (kicks that were kept count as one each); stops at a perfect score, after
    /// <paramref name="kicks"/> kicks, or at the budget. The kicks are drawn from <paramref name="seed"/>.
    /// </summary>
    public static int Improve(GateChoices choices, Func<GateChoices, double> score, TimeSpan budget, int kicks = 0, int seed = 0)
    {
        var clock = Stopwatch.StartNew();
        double best = score(choices);
        int accepted = Climb(choices, score, ref best, clock, budget);
        var rng = new Random(seed);
        var saved = Snapshot(choices);
        for (int kick = 0; kick < kicks && best < 1.0 && clock.Elapsed < budget; kick++)
        {
            Kick(choices, rng);
            double value = score(choices);
            int edits = Climb(choices, score, ref value, clock, budget);
            if (value >= best)
            {
                best = value;
                accepted += 1 + edits;
                saved = Snapshot(choices);
            }
            else
            {
                Restore(choices, saved);
            }
        }
        return accepted;
    }

    private static int Climb(GateChoices choices, Func<GateChoices, double> score, ref double best, Stopwatch clock, TimeSpan budget)
    {
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

    private static void Kick(GateChoices choices, Random rng)
    {
        for (int k = 0; k < KickSize; k++)
        {
            int j = rng.Next(choices.Neurons);
            var layer = choices.Layers[0];
            for (int l = 1; j >= layer.Width; l++)
            {
                j -= layer.Width;
                layer = choices.Layers[l];
            }
            layer.Ops[j] = rng.Next(16);
            if (!layer.Rewirable) continue;
            layer.A[j] = rng.Next(layer.InputWidth);
            layer.B[j] = rng.Next(layer.InputWidth);
        }
    }

    private static int[][] Snapshot(GateChoices choices) =>
        choices.Layers.SelectMany(l => new[] { (int[])l.Ops.Clone(), (int[])l.A.Clone(), (int[])l.B.Clone() }).ToArray();

    private static void Restore(GateChoices choices, int[][] saved)
    {
        int i = 0;
        foreach (var layer in choices.Layers)
        {
            saved[i++].CopyTo(layer.Ops, 0);
            saved[i++].CopyTo(layer.A, 0);
            saved[i++].CopyTo(layer.B, 0);
        }
    }
}
