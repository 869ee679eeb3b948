using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LogicNets.Digital.Evaluation;

/// <summary>
/// Bit-parallel CPU evaluation: 512 (or 256) samples per vector operation, branch-free gates in algebraic normal
/// form, samples split into blocks that threads evaluate independently. A block's node values stay in cache:
/// for layered circuits each gate reads the previous layer only.
/// </summary>
public sealed class SimdEvaluator(int threads = 0, int blockWords = SimdEvaluator.DefaultBlockWords) : ICircuitEvaluator
{
    /// <summary>1024 samples per block: amortises the per-gate work over 2 Vector512 operations.</summary>
    public const int DefaultBlockWords = 16;

    private readonly int _threads = threads > 0 ? threads : Environment.ProcessorCount;
    private readonly int _blockWords = blockWords >= 4 && blockWords % 4 == 0
        ? blockWords
        : throw new ArgumentException($"block size must be a positive multiple of 4 words, got {blockWords}");

    public string Name => $"simd-{(Vector512.IsHardwareAccelerated ? 512 : 256)}x{_threads}";

    public PackedBits Evaluate(CompiledCircuit circuit, PackedBits inputs)
    {
        circuit.CheckInputs(inputs);
        var output = new PackedBits(circuit.Outputs.Length, inputs.Samples);
        int blocks = (inputs.Words + _blockWords - 1) / _blockWords;
        long bufferLength = (long)circuit.NodeCount * _blockWords;
        if (_threads == 1 || blocks == 1)
        {
            var buffer = Buffer(bufferLength);
            for (int block = 0; block < blocks; block++) EvaluateBlock(circuit, inputs, output, block, buffer);
        }
        else
        {
            Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = _threads },
                () => Buffer(bufferLength),
                (block, _, buffer) =>
                {
                    EvaluateBlock(circuit, inputs, output, block, buffer);
                    return buffer;
                },
                _ => { });
        }
        output.ClearTails();
        return output;
    }

    [ThreadStatic] private static ulong[]? t_buffer;

    /// <summary>
    /// A per-thread node buffer, kept between calls: allocating megabytes per call costs more than evaluating.
    /// It needs no clearing — every node is written (inputs copied, gates in topological order) before it is read.
    /// </summary>
    private static ulong[] Buffer(long length)
    {
        if (t_buffer is null || t_buffer.LongLength < length) t_buffer = GC.AllocateUninitializedArray<ulong>(checked((int)length));
        return t_buffer;
    }

    private void EvaluateBlock(CompiledCircuit circuit, PackedBits inputs, PackedBits output, int block, ulong[] buffer)
    {
        int bw = _blockWords;
        int first = block * bw;
        int valid = Math.Min(bw, inputs.Words - first);
        for (int i = 0; i < circuit.InputCount; i++)
        {
            inputs.Data.AsSpan(i * inputs.Words + first, valid).CopyTo(buffer.AsSpan(i * bw, valid));
            buffer.AsSpan(i * bw + valid, bw - valid).Clear();
        }
        if (Vector512.IsHardwareAccelerated && bw % 8 == 0) Gates512(circuit, buffer, bw);
        else Gates256(circuit, buffer, bw);
        for (int o = 0; o < circuit.Outputs.Length; o++)
            buffer.AsSpan(circuit.Outputs[o] * bw, valid).CopyTo(output.Data.AsSpan(o * output.Words + first, valid));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gates512(CompiledCircuit circuit, ulong[] buffer, int bw)
    {
        ref ulong nodes = ref MemoryMarshal.GetArrayDataReference(buffer);
        ref int aRef = ref MemoryMarshal.GetArrayDataReference(circuit.A);
        ref int bRef = ref MemoryMarshal.GetArrayDataReference(circuit.B);
        ref ulong masks = ref MemoryMarshal.GetArrayDataReference(circuit.Masks);
        int n = circuit.InputCount, gates = circuit.GateCount;
        for (int g = 0; g < gates; g++)
        {
            nuint a = (nuint)(Unsafe.Add(ref aRef, g) * bw), b = (nuint)(Unsafe.Add(ref bRef, g) * bw), o = (nuint)((n + g) * bw);
            var k0 = Vector512.Create(Unsafe.Add(ref masks, 4 * g));
            var k1 = Vector512.Create(Unsafe.Add(ref masks, 4 * g + 1));
            var k2 = Vector512.Create(Unsafe.Add(ref masks, 4 * g + 2));
            var k3 = Vector512.Create(Unsafe.Add(ref masks, 4 * g + 3));
            for (nuint w = 0; w < (nuint)bw; w += 8)
            {
                var x = Vector512.LoadUnsafe(ref nodes, a + w);
                var y = Vector512.LoadUnsafe(ref nodes, b + w);
                (k0 ^ (k1 & x) ^ (k2 & y) ^ (k3 & x & y)).StoreUnsafe(ref nodes, o + w);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gates256(CompiledCircuit circuit, ulong[] buffer, int bw)
    {
        ref ulong nodes = ref MemoryMarshal.GetArrayDataReference(buffer);
        int n = circuit.InputCount, gates = circuit.GateCount;
        for (int g = 0; g < gates; g++)
        {
            nuint a = (nuint)(circuit.A[g] * bw), b = (nuint)(circuit.B[g] * bw), o = (nuint)((n + g) * bw);
            var k0 = Vector256.Create(circuit.Masks[4 * g]);
            var k1 = Vector256.Create(circuit.Masks[4 * g + 1]);
            var k2 = Vector256.Create(circuit.Masks[4 * g + 2]);
            var k3 = Vector256.Create(circuit.Masks[4 * g + 3]);
            for (nuint w = 0; w < (nuint)bw; w += 4)
            {
                var x = Vector256.LoadUnsafe(ref nodes, a + w);
                var y = Vector256.LoadUnsafe(ref nodes, b + w);
                (k0 ^ (k1 & x) ^ (k2 & y) ^ (k3 & x & y)).StoreUnsafe(ref nodes, o + w);
            }
        }
    }
}
