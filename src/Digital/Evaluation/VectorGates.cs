using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Evaluation;

/// <summary>
/// The bitwise operations of one SIMD register width. .NET 10 does not expose a public interface over
/// <see cref="Vector512{T}"/> and <see cref="Vector256{T}"/>, so each width is a struct that forwards to its own
/// operators; the JIT specialises generic code per struct and inlines these one-liners.
/// </summary>
public interface IVectorWidth<TVector> where TVector : struct
{
    /// <summary>64-bit words per register.</summary>
    static abstract int Words { get; }

    static abstract TVector Load(ref ulong source, nuint offset);

    static abstract void Store(TVector value, ref ulong target, nuint offset);

    static abstract TVector And(TVector a, TVector b);

    static abstract TVector Or(TVector a, TVector b);

    static abstract TVector Xor(TVector a, TVector b);

    static abstract TVector Not(TVector a);

    static abstract TVector Zero { get; }

    static abstract TVector Ones { get; }
}

/// <summary>One two-input gate applied to a register of samples, written once for every width.</summary>
public interface IVectorGate
{
    static abstract TVector Apply<TWidth, TVector>(TVector a, TVector b) where TWidth : IVectorWidth<TVector> where TVector : struct;
}

/// <summary>
/// The 16 gates as vector operations, and the one loop that applies a gate to a run of scheduled gates. The loop is
/// generic over a gate struct and a width struct, so it is compiled once per (operation, width) with the operation a
/// constant inside it (the JIT folds NOT/AND/OR into one <c>vpternlog</c> where it can).
/// </summary>
public static class VectorGates
{
    /// <summary>
    /// Applies a run of scheduled gates to a block of <paramref name="blockWords"/> words per slot of
    /// <paramref name="slots"/>; each gate writes <paramref name="target"/> at its <see cref="EvaluationSchedule.SlotOut"/>
    /// entry times <paramref name="targetStride"/> (the slots themselves, or output lanes for a run <c>ToOutput</c>).
    /// </summary>
    public static void Run(EvaluationSchedule schedule, EvaluationSchedule.Run run, ref ulong slots, int blockWords,
        ref ulong target, int targetStride, bool wide)
    {
        if (wide) Run<Wide512, Vector512<ulong>>(schedule, run, ref slots, blockWords, ref target, targetStride);
        else Run<Wide256, Vector256<ulong>>(schedule, run, ref slots, blockWords, ref target, targetStride);
    }

    private static void Run<TWidth, TVector>(EvaluationSchedule schedule, EvaluationSchedule.Run run, ref ulong slots, int bw, ref ulong target, int stride)
        where TWidth : IVectorWidth<TVector> where TVector : struct
    {
        switch (run.Op)
        {
            case GateOp.False: Loop<False, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            case GateOp.And: Loop<And, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            case GateOp.AAndNotB: Loop<AAndNotB, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            case GateOp.A: Loop<A, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            case GateOp.NotAAndB: Loop<NotAAndB, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            case GateOp.B: Loop<B, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            case GateOp.Xor: Loop<Xor, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            case GateOp.Or: Loop<Or, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            case GateOp.Nor: Loop<Nor, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            case GateOp.Xnor: Loop<Xnor, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            case GateOp.NotB: Loop<NotB, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            case GateOp.AOrNotB: Loop<AOrNotB, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            case GateOp.NotA: Loop<NotA, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            case GateOp.NotAOrB: Loop<NotAOrB, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            case GateOp.Nand: Loop<Nand, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            case GateOp.True: Loop<True, TWidth, TVector>(schedule, run, ref slots, bw, ref target, stride); break;
            default: throw new ArgumentOutOfRangeException(nameof(run), $"gate operation {(int)run.Op} is not one of the 16 gates");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Loop<TGate, TWidth, TVector>(EvaluationSchedule schedule, EvaluationSchedule.Run run, ref ulong nodes, int bw,
        ref ulong target, int stride)
        where TGate : struct, IVectorGate where TWidth : IVectorWidth<TVector> where TVector : struct
    {
        ref int a = ref MemoryMarshal.GetArrayDataReference(schedule.SlotA);
        ref int b = ref MemoryMarshal.GetArrayDataReference(schedule.SlotB);
        ref int o = ref MemoryMarshal.GetArrayDataReference(schedule.SlotOut);
        for (int p = run.Start; p < run.End; p++)
        {
            nuint x = (nuint)(Unsafe.Add(ref a, p) * bw), y = (nuint)(Unsafe.Add(ref b, p) * bw), z = (nuint)(Unsafe.Add(ref o, p) * stride);
            for (nuint w = 0; w < (nuint)bw; w += (nuint)TWidth.Words)
                TWidth.Store(TGate.Apply<TWidth, TVector>(TWidth.Load(ref nodes, x + w), TWidth.Load(ref nodes, y + w)), ref target, z + w);
        }
    }

    private struct Wide512 : IVectorWidth<Vector512<ulong>>
    {
        public static int Words => Vector512<ulong>.Count;
        public static Vector512<ulong> Load(ref ulong source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);
        public static void Store(Vector512<ulong> value, ref ulong target, nuint offset) => value.StoreUnsafe(ref target, offset);
        public static Vector512<ulong> And(Vector512<ulong> a, Vector512<ulong> b) => a & b;
        public static Vector512<ulong> Or(Vector512<ulong> a, Vector512<ulong> b) => a | b;
        public static Vector512<ulong> Xor(Vector512<ulong> a, Vector512<ulong> b) => a ^ b;
        public static Vector512<ulong> Not(Vector512<ulong> a) => ~a;
        public static Vector512<ulong> Zero => Vector512<ulong>.Zero;
        public static Vector512<ulong> Ones => Vector512<ulong>.AllBitsSet;
    }

    private struct Wide256 : IVectorWidth<Vector256<ulong>>
    {
        public static int Words => Vector256<ulong>.Count;
        public static Vector256<ulong> Load(ref ulong source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);
        public static void Store(Vector256<ulong> value, ref ulong target, nuint offset) => value.StoreUnsafe(ref target, offset);
        public static Vector256<ulong> And(Vector256<ulong> a, Vector256<ulong> b) => a & b;
        public static Vector256<ulong> Or(Vector256<ulong> a, Vector256<ulong> b) => a | b;
        public static Vector256<ulong> Xor(Vector256<ulong> a, Vector256<ulong> b) => a ^ b;
        public static Vector256<ulong> Not(Vector256<ulong> a) => ~a;
        public static Vector256<ulong> Zero => Vector256<ulong>.Zero;
        public static Vector256<ulong> Ones => Vector256<ulong>.AllBitsSet;
    }

    private struct False : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => W.Zero;
    }

    private struct And : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => W.And(a, b);
    }

    private struct AAndNotB : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => W.And(a, W.Not(b));
    }

    private struct A : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => a;
    }

    private struct NotAAndB : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => W.And(W.Not(a), b);
    }

    private struct B : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => b;
    }

    private struct Xor : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => W.Xor(a, b);
    }

    private struct Or : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => W.Or(a, b);
    }

    private struct Nor : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => W.Not(W.Or(a, b));
    }

    private struct Xnor : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => W.Not(W.Xor(a, b));
    }

    private struct NotB : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => W.Not(b);
    }

    private struct AOrNotB : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => W.Or(a, W.Not(b));
    }

    private struct NotA : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => W.Not(a);
    }

    private struct NotAOrB : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => W.Or(W.Not(a), b);
    }

    private struct Nand : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => W.Not(W.And(a, b));
    }

    private struct True : IVectorGate
    {
        public static V Apply<W, V>(V a, V b) where W : IVectorWidth<V> where V : struct => W.Ones;
    }
}
