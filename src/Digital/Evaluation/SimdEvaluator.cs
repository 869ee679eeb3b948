using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LogicNets.Digital.Evaluation;

/// <summary>
/// Bit-parallel CPU evaluation: 512 (or 256) samples per vector operation, gates run in the circuit's
/// <see cref="EvaluationSchedule"/> (grouped by level and operation, values in reused slots), samples split into
/// blocks that threads evaluate independently.
/// </summary>
public sealed class SimdEvaluator(int threads = 0, int blockWords = SimdEvaluator.DefaultBlockWords) : ICircuitEvaluator
{
    /// <summary>1024 samples per block: the fastest of 8, 16 and 32 words on one and on two threads (BENCHMARKS.md).</summary>
    public const int DefaultBlockWords = 16;

    private readonly int _threads = threads > 0 ? threads : Environment.ProcessorCount;
    private readonly int _blockWords = blockWords >= 4 && blockWords % 4 == 0
        ? blockWords
        : throw new ArgumentException($"block size must be a positive multiple of 4 words, got {blockWords}");

    public string Name => $"simd-{(Vector512.IsHardwareAccelerated ? 512 : 256)}x{_threads}";

    public void Evaluate(CompiledCircuit circuit, PackedBits inputs, PackedBits output)
    {
        circuit.CheckShapes(inputs, output);
        var schedule = circuit.Schedule;
        // A batch smaller than a block is evaluated at its own size, rounded up to a whole vector: padding a
        // 2-word batch (128 rows, as in a repair loop on a small table) to 16 words would do twice the work.
        int unit = Vector512.IsHardwareAccelerated ? 8 : 4;
        int bw = Math.Clamp((inputs.Words + unit - 1) / unit * unit, Math.Min(unit, _blockWords), _blockWords);
        int blocks = (inputs.Words + bw - 1) / bw;
        long slotWords = (long)schedule.SlotCount * bw;
        if (_threads == 1 || blocks <= 1)
        {
            var buffer = BlockBuffer.ForThisThread(slotWords);
            for (int block = 0; block < blocks; block++) EvaluateBlock(schedule, inputs, output, block, bw, buffer);
        }
        else
        {
            Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = _threads },
                () => BlockBuffer.ForThisThread(slotWords),
                (block, _, buffer) =>
                {
                    EvaluateBlock(schedule, inputs, output, block, bw, buffer);
                    return buffer;
                },
                _ => { });
        }
        output.ClearTails();
    }

    private static void EvaluateBlock(EvaluationSchedule schedule, PackedBits inputs, PackedBits output, int block, int bw, BlockBuffer buffer)
    {
        int first = block * bw;
        int valid = Math.Min(bw, inputs.Words - first);
        var slots = buffer.Slots;
        for (int i = 0; i < inputs.Lanes; i++)
        {
            var slot = slots.Slice(schedule.InputSlots[i] * bw, bw);
            inputs.Data.AsSpan(i * inputs.Words + first, valid).CopyTo(slot);
            slot[valid..].Clear();
        }
        // A gate that writes an output writes whole registers: straight into the output lanes when the block is whole,
        // into a spill area (one block per output lane) when it is the last, partial block.
        bool whole = valid == bw;
        var spill = whole ? default : buffer.Spill((long)output.Lanes * bw);
        ref ulong lanes = ref whole ? ref output.Data[first] : ref MemoryMarshal.GetReference(spill);
        int laneStride = whole ? output.Words : bw;
        bool wide = Vector512.IsHardwareAccelerated && bw % 8 == 0;
        ref ulong nodes = ref MemoryMarshal.GetReference(slots);
        foreach (var run in schedule.Runs)
        {
            if (run.ToOutput) VectorGates.Run(schedule, run, ref nodes, bw, ref lanes, laneStride, wide);
            else VectorGates.Run(schedule, run, ref nodes, bw, ref nodes, bw, wide);
        }
        for (int o = 0; o < output.Lanes; o++)
        {
            var target = output.Data.AsSpan(o * output.Words + first, valid);
            int slot = schedule.OutputSlots[o];
            bool inverted = schedule.OutputInverted[o];
            if (slot == EvaluationSchedule.WrittenByGate)
            {
                if (!whole) spill.Slice(o * bw, valid).CopyTo(target);
            }
            else if (slot < 0) target.Fill(inverted ? ulong.MaxValue : 0);
            else if (!inverted) slots.Slice(slot * bw, valid).CopyTo(target);
            else
                for (int w = 0; w < valid; w++) target[w] = ~slots[slot * bw + w];
        }
    }
}
