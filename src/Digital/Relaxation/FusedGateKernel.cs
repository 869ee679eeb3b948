using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LogicNets.Digital.Relaxation;

/// <summary>
/// The coefficient-form gate layer with fixed wiring, forward and backward in one pass each, on activations stored
/// one row per neuron and one column per sample ([neurons, batch]). In that layout a neuron's two inputs are two whole
/// rows, so every operation runs along the batch in SIMD registers: out = c0 + c1·a + b·(c2 + c3·a) is three fused
/// multiply-adds per vector, where libtorch needs two gathers and six full-size temporaries per layer.
/// </summary>
public static class FusedGateKernel
{
    /// <summary>out[j, :] = c0 + c1·x[A[j], :] + c2·x[B[j], :] + c3·x[A[j], :]·x[B[j], :].</summary>
    /// <param name="x">Layer input, [inputs, batch].</param>
    /// <param name="coefficients">(c0, c1, c2, c3) per neuron, [neurons, 4].</param>
    /// <param name="output">[neurons, batch].</param>
    public static void Forward(ReadOnlySpan<float> x, int batch, ReadOnlySpan<float> coefficients, int[] wireA, int[] wireB, Span<float> output)
    {
        int neurons = wireA.Length;
        Check(x, batch, coefficients, wireB, neurons, output.Length);
        int vectorEnd = batch - batch % Vector256<float>.Count;
        for (int j = 0; j < neurons; j++)
        {
            var a = x.Slice(wireA[j] * batch, batch);
            var b = x.Slice(wireB[j] * batch, batch);
            var o = output.Slice(j * batch, batch);
            float c0 = coefficients[4 * j], c1 = coefficients[4 * j + 1], c2 = coefficients[4 * j + 2], c3 = coefficients[4 * j + 3];
            var (v0, v1, v2, v3) = (Vector256.Create(c0), Vector256.Create(c1), Vector256.Create(c2), Vector256.Create(c3));
            ref float ra = ref Unsafe.AsRef(in a[0]);
            ref float rb = ref Unsafe.AsRef(in b[0]);
            ref float ro = ref o[0];
            int i = 0;
            for (; i < vectorEnd; i += Vector256<float>.Count)
            {
                var va = Vector256.LoadUnsafe(ref ra, (nuint)i);
                var vb = Vector256.LoadUnsafe(ref rb, (nuint)i);
                var slope = Vector256.FusedMultiplyAdd(v3, va, v2);
                Vector256.FusedMultiplyAdd(vb, slope, Vector256.FusedMultiplyAdd(v1, va, v0)).StoreUnsafe(ref ro, (nuint)i);
            }
            for (; i < batch; i++) o[i] = MathF.FusedMultiplyAdd(b[i], MathF.FusedMultiplyAdd(c3, a[i], c2), MathF.FusedMultiplyAdd(c1, a[i], c0));
        }
    }

    /// <summary>
    /// Gradients of <see cref="Forward"/>: ∂/∂c = Σ_batch g·(1, a, b, a·b) per neuron, and — when
    /// <paramref name="inputGradient"/> is not empty — ∂/∂a = g·(c1 + c3·b), ∂/∂b = g·(c2 + c3·a), summed into the
    /// input rows the neuron reads (it must start at zero). Neurons are visited in order, so the sums are deterministic.
    /// </summary>
    public static void Backward(ReadOnlySpan<float> x, int batch, ReadOnlySpan<float> coefficients, int[] wireA, int[] wireB,
        ReadOnlySpan<float> outputGradient, Span<float> coefficientGradient, Span<float> inputGradient)
    {
        int neurons = wireA.Length;
        Check(x, batch, coefficients, wireB, neurons, outputGradient.Length);
        if (coefficientGradient.Length != 4 * neurons) throw new ArgumentException($"coefficient gradient needs {4 * neurons} values, got {coefficientGradient.Length}");
        bool wantInput = !inputGradient.IsEmpty;
        if (wantInput && inputGradient.Length != x.Length) throw new ArgumentException($"input gradient needs {x.Length} values, got {inputGradient.Length}");
        int vectorEnd = batch - batch % Vector256<float>.Count;
        for (int j = 0; j < neurons; j++)
        {
            var a = x.Slice(wireA[j] * batch, batch);
            var b = x.Slice(wireB[j] * batch, batch);
            var g = outputGradient.Slice(j * batch, batch);
            float c1 = coefficients[4 * j + 1], c2 = coefficients[4 * j + 2], c3 = coefficients[4 * j + 3];
            var (v1, v2, v3) = (Vector256.Create(c1), Vector256.Create(c2), Vector256.Create(c3));
            var (s0, s1, s2, s3) = (Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero);
            ref float ra = ref Unsafe.AsRef(in a[0]);
            ref float rb = ref Unsafe.AsRef(in b[0]);
            ref float rg = ref Unsafe.AsRef(in g[0]);
            ref float rda = ref wantInput ? ref inputGradient[wireA[j] * batch] : ref Unsafe.NullRef<float>();
            ref float rdb = ref wantInput ? ref inputGradient[wireB[j] * batch] : ref Unsafe.NullRef<float>();
            int i = 0;
            for (; i < vectorEnd; i += Vector256<float>.Count)
            {
                var va = Vector256.LoadUnsafe(ref ra, (nuint)i);
                var vb = Vector256.LoadUnsafe(ref rb, (nuint)i);
                var vg = Vector256.LoadUnsafe(ref rg, (nuint)i);
                var ga = vg * va;
                s0 += vg;
                s1 += ga;
                s2 = Vector256.FusedMultiplyAdd(vg, vb, s2);
                s3 = Vector256.FusedMultiplyAdd(ga, vb, s3);
                if (!wantInput) continue;
                // Read-modify-write one row at a time: a neuron may read the same input twice (a = b).
                var da = Vector256.LoadUnsafe(ref rda, (nuint)i);
                Vector256.FusedMultiplyAdd(vg, Vector256.FusedMultiplyAdd(v3, vb, v1), da).StoreUnsafe(ref rda, (nuint)i);
                var db = Vector256.LoadUnsafe(ref rdb, (nuint)i);
                Vector256.FusedMultiplyAdd(vg, Vector256.FusedMultiplyAdd(v3, va, v2), db).StoreUnsafe(ref rdb, (nuint)i);
            }
            float t0 = Vector256.Sum(s0), t1 = Vector256.Sum(s1), t2 = Vector256.Sum(s2), t3 = Vector256.Sum(s3);
            for (; i < batch; i++)
            {
                float ga = g[i] * a[i];
                t0 += g[i];
                t1 += ga;
                t2 += g[i] * b[i];
                t3 += ga * b[i];
                if (!wantInput) continue;
                inputGradient[wireA[j] * batch + i] += g[i] * (c1 + c3 * b[i]);
                inputGradient[wireB[j] * batch + i] += g[i] * (c2 + c3 * a[i]);
            }
            coefficientGradient[4 * j] = t0;
            coefficientGradient[4 * j + 1] = t1;
            coefficientGradient[4 * j + 2] = t2;
            coefficientGradient[4 * j + 3] = t3;
        }
    }

    private static void Check(ReadOnlySpan<float> x, int batch, ReadOnlySpan<float> coefficients, int[] wireB, int neurons, int outputLength)
    {
        if (batch < 1) throw new ArgumentException($"batch must be positive, got {batch}");
        if (x.Length % batch != 0) throw new ArgumentException($"input of {x.Length} values is not whole rows of batch {batch}");
        if (wireB.Length != neurons) throw new ArgumentException($"wire lists differ in length: {neurons} and {wireB.Length}");
        if (coefficients.Length != 4 * neurons) throw new ArgumentException($"{neurons} neurons need {4 * neurons} coefficients, got {coefficients.Length}");
        if (outputLength != neurons * batch) throw new ArgumentException($"output needs {neurons * batch} values, got {outputLength}");
    }
}
