using LogicNets.Tasks.Data;
using System.Diagnostics;
using LogicNets.Digital.Gates;

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
    /// <paramref name="kicks"/> kicks, after <paramref name="maxTrials"/> scored candidates, or at the time budget. The
    /// kicks are drawn from <paramref name="seed"/>. Only the trial cap stops the search at the same place on every
    /// machine; the time budget is for a run's own <c>--time-budget</c>.
    /// </summary>
    public static int Improve(GateChoices choices, Func<GateChoices, double> score, TimeSpan budget, int kicks = 0, int seed = 0,
        long maxTrials = long.MaxValue)
    {
        var clock = Stopwatch.StartNew();
        long trials = 0;
        double Scored(GateChoices candidate)
        {
            trials++;
            return score(candidate);
        }
        bool Left() => clock.Elapsed < budget && trials < maxTrials;
        double best = Scored(choices);
        int accepted = Climb(choices, Scored, ref best, Left);
        var rng = new SplitMix64(seed);
        var saved = Snapshot(choices);
        for (int kick = 0; kick < kicks && best < 1.0 && Left(); kick++)
        {
            Kick(choices, rng);
            double value = Scored(choices);
            int edits = Climb(choices, Scored, ref value, Left);
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

    private static int Climb(GateChoices choices, Func<GateChoices, double> score, ref double best, Func<bool> left)
    {
        int accepted = 0;
        bool improved = true;
        while (improved && best < 1.0 && left())
        {
            improved = false;
            foreach (var layer in choices.Layers)
            {
                for (int j = 0; j < layer.Width && best < 1.0 && left(); j++)
                {
                    var ops = layer.Ops;
                    int neuron = j;
                    if (TryAll(GateOps.Count, (int)ops[j], op => ops[neuron] = (GateOp)op, choices, score, ref best, left)) { improved = true; accepted++; }
                    if (!layer.Rewirable) continue;
                    if (TryAll(layer.InputWidth, layer.A[j], wire => layer.A[neuron] = wire, choices, score, ref best, left)) { improved = true; accepted++; }
                    if (TryAll(layer.InputWidth, layer.B[j], wire => layer.B[neuron] = wire, choices, score, ref best, left)) { improved = true; accepted++; }
                }
            }
        }
        return accepted;
    }

    /// <summary>
    /// Tries every other value 0..<paramref name="options"/>−1 of one choice (a gate index or a wire), set through
    /// <paramref name="set"/>, and keeps the best if it beats <paramref name="best"/>; stops early when the budget is spent.
    /// </summary>
    private static bool TryAll(int options, int original, Action<int> set, GateChoices choices, Func<GateChoices, double> score, ref double best,
        Func<bool> left)
    {
        int chosen = original;
        for (int candidate = 0; candidate < options && left(); candidate++)
        {
            if (candidate == original) continue;
            set(candidate);
            double value = score(choices);
            if (value > best)
            {
                best = value;
                chosen = candidate;
            }
        }
        set(chosen);
        return chosen != original;
    }

    private static void Kick(GateChoices choices, SplitMix64 rng)
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
            layer.Ops[j] = GateOps.FromIndex(rng.Next(GateOps.Count));
            if (!layer.Rewirable) continue;
            layer.A[j] = rng.Next(layer.InputWidth);
            layer.B[j] = rng.Next(layer.InputWidth);
        }
    }

    private static LayerChoices[] Snapshot(GateChoices choices) =>
        choices.Layers.Select(l => l with { Ops = (GateOp[])l.Ops.Clone(), A = (int[])l.A.Clone(), B = (int[])l.B.Clone() }).ToArray();

    private static void Restore(GateChoices choices, LayerChoices[] saved)
    {
        for (int l = 0; l < saved.Length; l++)
        {
            saved[l].Ops.CopyTo(choices.Layers[l].Ops, 0);
            saved[l].A.CopyTo(choices.Layers[l].A, 0);
            saved[l].B.CopyTo(choices.Layers[l].B, 0);
        }
    }
}
