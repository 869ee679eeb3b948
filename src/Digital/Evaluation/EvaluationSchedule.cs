using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Evaluation;

/// <summary>
/// The gates of a compiled circuit reordered for bit-parallel evaluation, and their values packed into few slots.
/// <list type="bullet">
/// <item>Only the gates of <see cref="FoldedGates"/> run: constants, pass-throughs, negations and dead gates cost
/// nothing (on the benchmark's random circuit, where 6 of the 16 operations are wiring and constants spread, three gates in four).</item>
/// <item>Gates are sorted by level (longest path from the inputs) and, within a level, by operation: gates of one
/// level never read each other, so any order among them is topological, and a run of one operation is a tight
/// loop with the operation fixed — no per-gate masks or branches.</item>
/// <item>A node's slot is handed to a later gate once the last gate that reads it has run, so the working set is
/// the live nodes (about one layer of a layered circuit), not every node: on the 6 × 8000-gate benchmark circuit of
/// two-input operations, 8 087 slots instead of 48 064, so a block of 16 words needs 1 MB of values instead of 6 MB and
/// stays closer to the core.</item>
/// <item>A gate whose value is exactly one output and that no gate reads writes that output's lane itself (the
/// complementary operation when the output is inverted): copying 8 000 outputs out of the slots cost a third of an
/// evaluation of the benchmark's circuit. Such gates form runs of their own.</item>
/// </list>
/// </summary>
public sealed class EvaluationSchedule
{
    /// <summary>
    /// A run of consecutive scheduled gates that share one operation; with <paramref name="ToOutput"/> each writes the
    /// output lane <see cref="SlotOut"/> names instead of a slot.
    /// </summary>
    public readonly record struct Run(GateOp Op, int Start, int End, bool ToOutput);

    public EvaluationSchedule(CompiledCircuit circuit)
    {
        var folded = new FoldedGates(circuit);
        int inputs = circuit.InputCount, gates = folded.Gates.Length;
        var level = new int[circuit.NodeCount];
        foreach (var g in folded.Gates) level[g.Node] = Math.Max(level[g.A], level[g.B]) + 1;
        var readByGate = new bool[circuit.NodeCount];
        foreach (var g in folded.Gates) readByGate[g.A] = readByGate[g.B] = true;
        var outputsOf = new int[circuit.NodeCount];
        foreach (var o in folded.Outputs) if (!o.IsConstant) outputsOf[o.Node]++;
        var lane = new int[circuit.NodeCount];
        Array.Fill(lane, -1);
        for (int o = 0; o < folded.Outputs.Length; o++)
        {
            int node = folded.Outputs[o].Node;
            if (node >= inputs && outputsOf[node] == 1 && !readByGate[node]) lane[node] = o;
        }
        // The operation a gate runs: a gate that writes an inverted output computes the complement.
        GateOp Scheduled(FoldedGates.Gate g) =>
            lane[g.Node] >= 0 && folded.Outputs[lane[g.Node]].Inverted ? GateOps.FromIndex(GateOps.Count - 1 - (int)g.Op) : g.Op;

        var order = new int[gates];
        for (int k = 0; k < gates; k++) order[k] = k;
        // Stable by construction: ties keep circuit order, so the schedule is the same on every machine.
        Array.Sort(order, (x, y) =>
        {
            var (gx, gy) = (folded.Gates[x], folded.Gates[y]);
            int c = level[gx.Node].CompareTo(level[gy.Node]);
            if (c == 0) c = (lane[gx.Node] >= 0).CompareTo(lane[gy.Node] >= 0);
            if (c == 0) c = Scheduled(gx).CompareTo(Scheduled(gy));
            return c != 0 ? c : x.CompareTo(y);
        });

        const int Forever = int.MaxValue;
        var lastRead = new int[circuit.NodeCount];
        Array.Fill(lastRead, -1);
        for (int p = 0; p < gates; p++)
        {
            var g = folded.Gates[order[p]];
            lastRead[g.A] = p;
            lastRead[g.B] = p;
        }
        foreach (var o in folded.Outputs) if (!o.IsConstant && lane[o.Node] < 0) lastRead[o.Node] = Forever;

        var slot = new int[circuit.NodeCount];
        var free = new Stack<int>(); // last freed first: that slot is the likeliest still in cache
        int slots = 0;
        for (int i = 0; i < inputs; i++) slot[i] = slots++;
        SlotA = new int[gates];
        SlotB = new int[gates];
        SlotOut = new int[gates];
        var runs = new List<Run>();
        for (int p = 0; p < gates; p++)
        {
            var (node, _, a, b) = folded.Gates[order[p]];
            var op = Scheduled(folded.Gates[order[p]]);
            SlotA[p] = slot[a];
            SlotB[p] = slot[b];
            // Freed before the output slot is taken: writing a gate's value over its own operand is safe, each
            // word is read before it is written.
            if (lastRead[a] == p) free.Push(slot[a]);
            if (lastRead[b] == p && b != a) free.Push(slot[b]);
            bool toOutput = lane[node] >= 0;
            if (toOutput) SlotOut[p] = lane[node];
            else slot[node] = SlotOut[p] = free.Count > 0 ? free.Pop() : slots++;
            var previous = runs.Count > 0 ? runs[^1] : default;
            if (runs.Count > 0 && previous.Op == op && previous.ToOutput == toOutput && level[folded.Gates[order[previous.Start]].Node] == level[node])
                runs[^1] = previous with { End = p + 1 };
            else
                runs.Add(new Run(op, p, p + 1, toOutput));
        }
        SlotCount = slots;
        GateCount = gates;
        InputSlots = Enumerable.Range(0, inputs).ToArray();
        OutputSlots = folded.Outputs.Select(o => o.IsConstant ? -1 : lane[o.Node] >= 0 ? WrittenByGate : slot[o.Node]).ToArray();
        OutputInverted = folded.Outputs.Select(o => o.Inverted).ToArray();
        Runs = runs.ToArray();
    }

    /// <summary>Gates the schedule runs: the circuit's, less those folded away or no output needs (<see cref="FoldedGates"/>).</summary>
    public int GateCount { get; }

    /// <summary>Slots a block of samples needs: the most node values alive at once.</summary>
    public int SlotCount { get; }

    /// <summary>Slot of input i (inputs are written before any gate runs).</summary>
    public int[] InputSlots { get; }

    /// <summary>The <see cref="OutputSlots"/> entry of an output its gate writes itself (a run with <c>ToOutput</c>).</summary>
    public const int WrittenByGate = -2;

    /// <summary>
    /// Slot holding circuit output o after the last gate; -1 when the output is a constant, <see cref="WrittenByGate"/>
    /// when a gate writes it (already inverted where it must be).
    /// </summary>
    public int[] OutputSlots { get; }

    /// <summary>Whether output o is its slot inverted (for a constant output: whether it is true).</summary>
    public bool[] OutputInverted { get; }

    /// <summary>Slots the p-th scheduled gate reads (A, B) and writes (Out; an output lane in a run <c>ToOutput</c>).</summary>
    public int[] SlotA { get; }

    public int[] SlotB { get; }

    public int[] SlotOut { get; }

    public Run[] Runs { get; }
}
