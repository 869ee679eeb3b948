using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LogicNets.Digital.Evaluation;

/// <summary>One two-input gate applied to whole vectors of samples; implemented by a struct per operation.</summary>
public interface IVectorGate
{
    static abstract Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b);

    static abstract Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b);
}

/// <summary>
/// The 16 gates (order of <see cref="Gates.BooleanGates.Names"/>) as vector operations, and the loop that applies
/// one of them to a run of scheduled gates. A generic loop over a struct is compiled once per operation, so the
/// operation is a constant inside it (the JIT folds NOT/AND/OR into one <c>vpternlog</c> where it can).
/// </summary>
public static class VectorGates
{
    /// <summary>Applies a run of scheduled gates to a block of <paramref name="blockWords"/> words per slot.</summary>
    public static void Run(EvaluationSchedule schedule, EvaluationSchedule.Run run, ulong[] slots, int blockWords, bool wide)
    {
        switch (run.Op)
        {
            case 0: Loop<False>(schedule, run, slots, blockWords, wide); break;
            case 1: Loop<And>(schedule, run, slots, blockWords, wide); break;
            case 2: Loop<AAndNotB>(schedule, run, slots, blockWords, wide); break;
            case 3: Loop<A>(schedule, run, slots, blockWords, wide); break;
            case 4: Loop<NotAAndB>(schedule, run, slots, blockWords, wide); break;
            case 5: Loop<B>(schedule, run, slots, blockWords, wide); break;
            case 6: Loop<Xor>(schedule, run, slots, blockWords, wide); break;
            case 7: Loop<Or>(schedule, run, slots, blockWords, wide); break;
            case 8: Loop<Nor>(schedule, run, slots, blockWords, wide); break;
            case 9: Loop<Xnor>(schedule, run, slots, blockWords, wide); break;
            case 10: Loop<NotB>(schedule, run, slots, blockWords, wide); break;
            case 11: Loop<AOrNotB>(schedule, run, slots, blockWords, wide); break;
            case 12: Loop<NotA>(schedule, run, slots, blockWords, wide); break;
            case 13: Loop<NotAOrB>(schedule, run, slots, blockWords, wide); break;
            case 14: Loop<Nand>(schedule, run, slots, blockWords, wide); break;
            case 15: Loop<True>(schedule, run, slots, blockWords, wide); break;
            default: throw new ArgumentOutOfRangeException(nameof(run), $"gate operation {run.Op} is not in 0..15");
        }
    }

    private static void Loop<T>(EvaluationSchedule schedule, EvaluationSchedule.Run run, ulong[] slots, int blockWords, bool wide)
        where T : struct, IVectorGate
    {
        if (wide) Loop512<T>(schedule, run, slots, blockWords);
        else Loop256<T>(schedule, run, slots, blockWords);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Loop512<T>(EvaluationSchedule schedule, EvaluationSchedule.Run run, ulong[] slots, int bw) where T : struct, IVectorGate
    {
        ref ulong nodes = ref MemoryMarshal.GetArrayDataReference(slots);
        ref int a = ref MemoryMarshal.GetArrayDataReference(schedule.SlotA);
        ref int b = ref MemoryMarshal.GetArrayDataReference(schedule.SlotB);
        ref int o = ref MemoryMarshal.GetArrayDataReference(schedule.SlotOut);
        for (int p = run.Start; p < run.End; p++)
        {
            nuint x = (nuint)(Unsafe.Add(ref a, p) * bw), y = (nuint)(Unsafe.Add(ref b, p) * bw), z = (nuint)(Unsafe.Add(ref o, p) * bw);
            for (nuint w = 0; w < (nuint)bw; w += 8)
                T.Apply(Vector512.LoadUnsafe(ref nodes, x + w), Vector512.LoadUnsafe(ref nodes, y + w)).StoreUnsafe(ref nodes, z + w);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Loop256<T>(EvaluationSchedule schedule, EvaluationSchedule.Run run, ulong[] slots, int bw) where T : struct, IVectorGate
    {
        ref ulong nodes = ref MemoryMarshal.GetArrayDataReference(slots);
        ref int a = ref MemoryMarshal.GetArrayDataReference(schedule.SlotA);
        ref int b = ref MemoryMarshal.GetArrayDataReference(schedule.SlotB);
        ref int o = ref MemoryMarshal.GetArrayDataReference(schedule.SlotOut);
        for (int p = run.Start; p < run.End; p++)
        {
            nuint x = (nuint)(Unsafe.Add(ref a, p) * bw), y = (nuint)(Unsafe.Add(ref b, p) * bw), z = (nuint)(Unsafe.Add(ref o, p) * bw);
            for (nuint w = 0; w < (nuint)bw; w += 4)
                T.Apply(Vector256.LoadUnsafe(ref nodes, x + w), Vector256.LoadUnsafe(ref nodes, y + w)).StoreUnsafe(ref nodes, z + w);
        }
    }

    private struct False : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => Vector512<ulong>.Zero;
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => Vector256<ulong>.Zero;
    }

    private struct And : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => a & b;
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => a & b;
    }

    private struct AAndNotB : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => a & ~b;
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => a & ~b;
    }

    private struct A : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => a;
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => a;
    }

    private struct NotAAndB : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => ~a & b;
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => ~a & b;
    }

    private struct B : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => b;
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => b;
    }

    private struct Xor : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => a ^ b;
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => a ^ b;
    }

    private struct Or : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => a | b;
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => a | b;
    }

    private struct Nor : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => ~(a | b);
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => ~(a | b);
    }

    private struct Xnor : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => ~(a ^ b);
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => ~(a ^ b);
    }

    private struct NotB : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => ~b;
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => ~b;
    }

    private struct AOrNotB : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => a | ~b;
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => a | ~b;
    }

    private struct NotA : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => ~a;
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => ~a;
    }

    private struct NotAOrB : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => ~a | b;
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => ~a | b;
    }

    private struct Nand : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => ~(a & b);
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => ~(a & b);
    }

    private struct True : IVectorGate
    {
        public static Vector512<ulong> Apply(Vector512<ulong> a, Vector512<ulong> b) => Vector512<ulong>.AllBitsSet;
        public static Vector256<ulong> Apply(Vector256<ulong> a, Vector256<ulong> b) => Vector256<ulong>.AllBitsSet;
    }
}
