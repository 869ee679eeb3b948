using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LogicNets.Continuous.Kernels;

/// <summary>
/// Layer normalisation over each row's last dimension with a learned scale γ and shift β, and its backward pass, as
/// loops over the rows: x̂ = (x − mean) / √(var + ε), y = x̂·γ + β (variance over the row, divided by its width).
/// Float32, row-major. Rows whose width is a multiple of eight (moie's) run eight features to a vector, the row's sums
/// taken across the vector's lanes; other widths run feature by feature.
/// </summary>
// Compiled fully optimised at first call, as FusedSplKernel's loops (why: there).
public static class LayerNormKernel
{
    /// <summary>Writes y and, for the backward pass, x̂ [rows, width] and 1/√(var + ε) [rows].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(int width, ReadOnlySpan<float> x, ReadOnlySpan<float> scale, ReadOnlySpan<float> shift, float epsilon,
        Span<float> y, Span<float> normalized, Span<float> inverseDeviation)
    {
        int rows = inverseDeviation.Length;
        Require(width, rows, x, y, normalized, scale, shift);
        ref float input = ref Start(x);
        ref float output = ref MemoryMarshal.GetReference(y);
        ref float unit = ref MemoryMarshal.GetReference(normalized);
        ref float g = ref Start(scale);
        ref float b = ref Start(shift);
        if (width % Lanes == 0)
        {
            ForwardByVectors(width, rows, ref input, ref g, ref b, epsilon, ref output, ref unit, inverseDeviation);
            return;
        }
        for (int r = 0, o = 0; r < rows; r++, o += width)
        {
            float sum = 0;
            for (int i = 0; i < width; i++) sum += Unsafe.Add(ref input, o + i);
            float mean = sum / width, square = 0;
            for (int i = 0; i < width; i++)
            {
                float centred = Unsafe.Add(ref input, o + i) - mean;
                square += centred * centred;
            }
            float inverse = 1 / MathF.Sqrt(square / width + epsilon);
            inverseDeviation[r] = inverse;
            for (int i = 0; i < width; i++)
            {
                float value = (Unsafe.Add(ref input, o + i) - mean) * inverse;
                Unsafe.Add(ref unit, o + i) = value;
                Unsafe.Add(ref output, o + i) = value * Unsafe.Add(ref g, i) + Unsafe.Add(ref b, i);
            }
        }
    }

    /// <summary>
    /// ∂x = (∂x̂ − mean(∂x̂) − x̂·mean(∂x̂·x̂)) / √(var + ε) with ∂x̂ = ∂y·γ; ∂γ = Σ_rows ∂y·x̂, ∂β = Σ_rows ∂y (all
    /// overwritten).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(int width, ReadOnlySpan<float> gradY, ReadOnlySpan<float> scale, ReadOnlySpan<float> normalized,
        ReadOnlySpan<float> inverseDeviation, Span<float> gradX, Span<float> gradScale, Span<float> gradShift)
    {
        int rows = inverseDeviation.Length;
        Require(width, rows, gradY, gradX, normalized, scale, gradScale);
        if (gradShift.Length != width) throw new ArgumentException($"layer norm: the shift's gradient has {gradShift.Length} values for width {width}");
        gradScale.Clear();
        gradShift.Clear();
        ref float upstream = ref Start(gradY);
        ref float unit = ref Start(normalized);
        ref float g = ref Start(scale);
        ref float result = ref MemoryMarshal.GetReference(gradX);
        ref float gs = ref MemoryMarshal.GetReference(gradScale);
        ref float gb = ref MemoryMarshal.GetReference(gradShift);
        if (width % Lanes == 0)
        {
            BackwardByVectors(width, rows, ref upstream, ref unit, ref g, inverseDeviation, ref result, ref gs, ref gb);
            return;
        }
        for (int r = 0, o = 0; r < rows; r++, o += width)
        {
            float meanGrad = 0, meanAlong = 0;
            for (int i = 0; i < width; i++)
            {
                float dy = Unsafe.Add(ref upstream, o + i), value = Unsafe.Add(ref unit, o + i);
                float dUnit = dy * Unsafe.Add(ref g, i);
                meanGrad += dUnit;
                meanAlong += dUnit * value;
                Unsafe.Add(ref gs, i) += dy * value;
                Unsafe.Add(ref gb, i) += dy;
            }
            meanGrad /= width;
            meanAlong /= width;
            float inverse = inverseDeviation[r];
            for (int i = 0; i < width; i++)
            {
                float dUnit = Unsafe.Add(ref upstream, o + i) * Unsafe.Add(ref g, i);
                Unsafe.Add(ref result, o + i) = (dUnit - meanGrad - Unsafe.Add(ref unit, o + i) * meanAlong) * inverse;
            }
        }
    }

    private const int Lanes = 8;

    /// <summary><see cref="Forward"/> for a width that is a multiple of <see cref="Lanes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardByVectors(int width, int rows, ref float input, ref float g, ref float b, float epsilon,
        ref float output, ref float unit, Span<float> inverseDeviation)
    {
        float perFeature = 1f / width;
        for (int r = 0, o = 0; r < rows; r++, o += width)
        {
            var sum = Vector256<float>.Zero;
            for (int i = 0; i < width; i += Lanes) sum += Vector256.LoadUnsafe(ref input, (nuint)(o + i));
            var mean = Vector256.Create(Vector256.Sum(sum) * perFeature);
            var square = Vector256<float>.Zero;
            for (int i = 0; i < width; i += Lanes)
            {
                var centred = Vector256.LoadUnsafe(ref input, (nuint)(o + i)) - mean;
                square = Vector256.FusedMultiplyAdd(centred, centred, square);
            }
            float inverse = 1 / MathF.Sqrt(Vector256.Sum(square) * perFeature + epsilon);
            inverseDeviation[r] = inverse;
            var scale = Vector256.Create(inverse);
            for (int i = 0; i < width; i += Lanes)
            {
                var value = (Vector256.LoadUnsafe(ref input, (nuint)(o + i)) - mean) * scale;
                value.StoreUnsafe(ref unit, (nuint)(o + i));
                Vector256.FusedMultiplyAdd(value, Vector256.LoadUnsafe(ref g, (nuint)i), Vector256.LoadUnsafe(ref b, (nuint)i))
                    .StoreUnsafe(ref output, (nuint)(o + i));
            }
        }
    }

    /// <summary><see cref="Backward"/> for a width that is a multiple of <see cref="Lanes"/> (∂γ and ∂β cleared by the caller).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardByVectors(int width, int rows, ref float upstream, ref float unit, ref float g,
        ReadOnlySpan<float> inverseDeviation, ref float result, ref float gs, ref float gb)
    {
        float perFeature = 1f / width;
        for (int r = 0, o = 0; r < rows; r++, o += width)
        {
            var meanGrad = Vector256<float>.Zero;
            var meanAlong = Vector256<float>.Zero;
            for (int i = 0; i < width; i += Lanes)
            {
                var dy = Vector256.LoadUnsafe(ref upstream, (nuint)(o + i));
                var value = Vector256.LoadUnsafe(ref unit, (nuint)(o + i));
                var dUnit = dy * Vector256.LoadUnsafe(ref g, (nuint)i);
                meanGrad += dUnit;
                meanAlong = Vector256.FusedMultiplyAdd(dUnit, value, meanAlong);
                Vector256.FusedMultiplyAdd(dy, value, Vector256.LoadUnsafe(ref gs, (nuint)i)).StoreUnsafe(ref gs, (nuint)i);
                (Vector256.LoadUnsafe(ref gb, (nuint)i) + dy).StoreUnsafe(ref gb, (nuint)i);
            }
            var shift = Vector256.Create(Vector256.Sum(meanGrad) * perFeature);
            var along = Vector256.Create(Vector256.Sum(meanAlong) * perFeature);
            var scale = Vector256.Create(inverseDeviation[r]);
            for (int i = 0; i < width; i += Lanes)
            {
                var dUnit = Vector256.LoadUnsafe(ref upstream, (nuint)(o + i)) * Vector256.LoadUnsafe(ref g, (nuint)i);
                ((dUnit - shift - Vector256.LoadUnsafe(ref unit, (nuint)(o + i)) * along) * scale).StoreUnsafe(ref result, (nuint)(o + i));
            }
        }
    }

    /// <summary>The loops read through unchecked references: the lengths are checked once, here.</summary>
    private static void Require(int width, int rows, ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c,
        ReadOnlySpan<float> perFeature, ReadOnlySpan<float> perFeatureToo)
    {
        long cells = (long)rows * width;
        if (width < 1 || a.Length != cells || b.Length != cells || c.Length != cells || perFeature.Length != width || perFeatureToo.Length != width)
            throw new ArgumentException($"layer norm over {rows} rows of width {width}: spans of {a.Length}, {b.Length}, {c.Length}, {perFeature.Length} and {perFeatureToo.Length} values");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref float Start(ReadOnlySpan<float> span) => ref MemoryMarshal.GetReference(span);
}
