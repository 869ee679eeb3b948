using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LogicNets.Continuous.Kernels;

namespace LogicNets.Continuous.Moie;

/// <summary>
/// DynSIHA's attention after its projections as SIMD loops, batch by batch: rotary positions on Q and K
/// (<see cref="RotaryPositions"/>), scores QKᵀ/√d, softmax over keys, the weighted sum of V; and its backward pass.
/// Float32, row-major [batch, tokens, width] spans. One node instead of some fifteen libtorch operations and their
/// backward nodes; at moie's few tokens by few features only a little faster (BENCHMARKS.md): the work is instructions.
/// </summary>
// Compiled fully optimised at first call, as FusedSplKernel's loops (why: there).
public static class RotaryAttentionKernel
{
    private const int Lanes = 8;

    /// <summary>The shapes of one call.</summary>
    public readonly record struct Shape(int Batch, int Tokens, int Width);

    /// <summary>cos and sin [tokens, width] of RotaryPositions' angles, each half of a row repeating the other.</summary>
    public static void Tables(Shape shape, Span<float> cos, Span<float> sin)
    {
        int half = shape.Width / 2;
        for (int t = 0; t < shape.Tokens; t++)
            for (int i = 0; i < half; i++)
            {
                float frequency = (float)Math.Pow(RotaryPositions.Base, -i * (2.0 / shape.Width));
                float angle = t * frequency;
                cos[t * shape.Width + i] = cos[t * shape.Width + half + i] = MathF.Cos(angle);
                sin[t * shape.Width + i] = sin[t * shape.Width + half + i] = MathF.Sin(angle);
            }
    }

    /// <summary>
    /// Writes the rotated queries and keys (kept for the backward pass), the attention weights [batch, tokens, tokens]
    /// and the output [batch, tokens, width].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(Shape shape, ReadOnlySpan<float> queries, ReadOnlySpan<float> keys, ReadOnlySpan<float> values,
        ReadOnlySpan<float> cos, ReadOnlySpan<float> sin, Span<float> rotatedQueries, Span<float> rotatedKeys, Span<float> weights,
        Span<float> output)
    {
        int tokens = shape.Tokens, width = shape.Width, block = tokens * width;
        Require(shape, [queries.Length, keys.Length, values.Length, rotatedQueries.Length, rotatedKeys.Length, output.Length], [weights.Length], [cos.Length, sin.Length]);
        if (shape.Batch == 0) return;
        float scale = 1 / MathF.Sqrt(width);
        Rotate(shape, queries, cos, sin, rotatedQueries);
        Rotate(shape, keys, cos, sin, rotatedKeys);
        Span<float> keysT = width * tokens <= 4096 ? stackalloc float[width * tokens] : new float[width * tokens];
        ref float kT = ref MemoryMarshal.GetReference(keysT);
        for (int b = 0; b < shape.Batch; b++)
        {
            ref float q = ref Element(rotatedQueries, b * block);
            ref float v = ref Element(values, b * block);
            Transpose(rotatedKeys.Slice(b * block, block), keysT, tokens, width);
            for (int i = 0; i < tokens; i++)
            {
                ref float row = ref Element(weights, (b * tokens + i) * tokens);
                Combine(ref row, tokens, ref Unsafe.Add(ref q, i * width), width, ref kT); // scores q_i·k_j
                Softmax(weights.Slice((b * tokens + i) * tokens, tokens), scale);
                Combine(ref Element(output, (b * tokens + i) * width), width, ref row, tokens, ref v);
            }
        }
    }

    /// <summary>
    /// Gradients of queries, keys and values (overwritten) from the output's gradient and what <see cref="Forward"/>
    /// kept: ∂V = Pᵀ∂A; ∂S = P ⊙ (∂P − rowsum(P ⊙ ∂P)) with ∂P = ∂A Vᵀ; ∂Q̃ = ∂S K̃/√d, ∂K̃ = ∂Sᵀ Q̃/√d, then back
    /// through the rotation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(Shape shape, ReadOnlySpan<float> rotatedQueries, ReadOnlySpan<float> rotatedKeys,
        ReadOnlySpan<float> values, ReadOnlySpan<float> weights, ReadOnlySpan<float> cos, ReadOnlySpan<float> sin,
        ReadOnlySpan<float> gradOutput, Span<float> gradQueries, Span<float> gradKeys, Span<float> gradValues)
    {
        int tokens = shape.Tokens, width = shape.Width, block = tokens * width;
        Require(shape, [rotatedQueries.Length, rotatedKeys.Length, values.Length, gradOutput.Length, gradQueries.Length, gradKeys.Length, gradValues.Length],
            [weights.Length], [cos.Length, sin.Length]);
        if (shape.Batch == 0) return;
        float scale = 1 / MathF.Sqrt(width);
        int square = tokens * tokens;
        Span<float> scratch = width * tokens + 3 * square <= 16384 ? stackalloc float[width * tokens + 3 * square] : new float[width * tokens + 3 * square];
        ref float vT = ref MemoryMarshal.GetReference(scratch);                       // Vᵀ [width, tokens]
        ref float gradS = ref Unsafe.Add(ref vT, width * tokens);                      // ∂S [tokens, tokens]
        ref float pT = ref Unsafe.Add(ref gradS, square);                              // Pᵀ
        ref float gradST = ref Unsafe.Add(ref pT, square);                             // ∂Sᵀ
        for (int b = 0; b < shape.Batch; b++)
        {
            ref float q = ref Element(rotatedQueries, b * block);
            ref float k = ref Element(rotatedKeys, b * block);
            ref float gradA = ref Element(gradOutput, b * block);
            ref float p = ref Element(weights, b * square);
            Transpose(values.Slice(b * block, block), MemoryMarshal.CreateSpan(ref vT, width * tokens), tokens, width);
            for (int i = 0; i < tokens; i++)
            {
                ref float gradRow = ref Unsafe.Add(ref gradS, i * tokens);
                ref float weightRow = ref Unsafe.Add(ref p, i * tokens);
                Combine(ref gradRow, tokens, ref Unsafe.Add(ref gradA, i * width), width, ref vT); // ∂P row: ∂a_i·v_j
                float along = 0;
                for (int j = 0; j < tokens; j++) along += Unsafe.Add(ref weightRow, j) * Unsafe.Add(ref gradRow, j);
                for (int j = 0; j < tokens; j++) Unsafe.Add(ref gradRow, j) = Unsafe.Add(ref weightRow, j) * (Unsafe.Add(ref gradRow, j) - along) * scale;
                Combine(ref Element(gradQueries, b * block + i * width), width, ref gradRow, tokens, ref k);
            }
            Transpose(MemoryMarshal.CreateSpan(ref p, square), MemoryMarshal.CreateSpan(ref pT, square), tokens, tokens);
            Transpose(MemoryMarshal.CreateSpan(ref gradS, square), MemoryMarshal.CreateSpan(ref gradST, square), tokens, tokens);
            for (int j = 0; j < tokens; j++)
            {
                Combine(ref Element(gradValues, b * block + j * width), width, ref Unsafe.Add(ref pT, j * tokens), tokens, ref gradA);
                Combine(ref Element(gradKeys, b * block + j * width), width, ref Unsafe.Add(ref gradST, j * tokens), tokens, ref q);
            }
        }
        // The gradients so far are the rotated features'; the rotation's transpose turns them into the inputs', in place.
        Unrotate(shape, gradQueries, cos, sin);
        Unrotate(shape, gradKeys, cos, sin);
    }

    /// <summary>The loops read and write through unchecked references: every span's length is checked once, here.</summary>
    private static void Require(Shape shape, int[] features, int[] weights, int[] tables)
    {
        long featureCount = (long)shape.Batch * shape.Tokens * shape.Width, weightCount = (long)shape.Batch * shape.Tokens * shape.Tokens;
        if (shape.Width < 2 || shape.Width % 2 != 0 || shape.Tokens < 1
            || features.Any(length => length != featureCount) || weights.Any(length => length != weightCount)
            || tables.Any(length => length != shape.Tokens * shape.Width))
            throw new ArgumentException($"fused attention over [{shape.Batch}, {shape.Tokens}, {shape.Width}]: spans of {string.Join(", ", features.Concat(weights).Concat(tables))} values do not fit (the width must be even)");
    }

    /// <summary>x·cos + rot(x)·sin per token, rot(x) = [−second half, first half]: each pair turned by its angle.</summary>
    private static void Rotate(Shape shape, ReadOnlySpan<float> features, ReadOnlySpan<float> cos, ReadOnlySpan<float> sin, Span<float> rotated) =>
        Turn(shape, features, cos, sin, 1, rotated);

    /// <summary>The rotation's transpose in place, each pair turned back: ∂x₁ = g₁·cos + g₂·sin, ∂x₂ = g₂·cos − g₁·sin.</summary>
    private static void Unrotate(Shape shape, Span<float> gradient, ReadOnlySpan<float> cos, ReadOnlySpan<float> sin) =>
        Turn(shape, gradient, cos, sin, -1, gradient);

    /// <summary>(x₁, x₂) → (x₁·cos − x₂·sin·direction, x₂·cos + x₁·sin·direction) per pair; source and target may be one span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Turn(Shape shape, ReadOnlySpan<float> source, ReadOnlySpan<float> cos, ReadOnlySpan<float> sin, float direction, Span<float> target)
    {
        int width = shape.Width, half = width / 2;
        ref float from = ref Element(source, 0);
        ref float to = ref MemoryMarshal.GetReference(target);
        ref float c = ref Element(cos, 0);
        ref float s = ref Element(sin, 0);
        for (int b = 0, o = 0; b < shape.Batch; b++)
            for (int t = 0, table = 0; t < shape.Tokens; t++, o += width, table += width)
                for (int i = 0; i < half; i++)
                {
                    float first = Unsafe.Add(ref from, o + i), second = Unsafe.Add(ref from, o + half + i);
                    float cosine = Unsafe.Add(ref c, table + i), sine = Unsafe.Add(ref s, table + i) * direction;
                    Unsafe.Add(ref to, o + i) = first * cosine - second * sine;
                    Unsafe.Add(ref to, o + half + i) = second * cosine + first * sine;
                }
    }

    /// <summary>softmax(row·scale) in place, shifted by the row's largest score; eight to a vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Softmax(Span<float> row, float scale)
    {
        int end = row.Length - row.Length % Lanes, i = 0;
        ref float start = ref MemoryMarshal.GetReference(row);
        var scaleVector = Vector256.Create(scale);
        var largestVector = Vector256.Create(float.NegativeInfinity);
        for (; i < end; i += Lanes) largestVector = Vector256.Max(largestVector, Vector256.LoadUnsafe(ref start, (nuint)i) * scaleVector);
        var halves = Vector128.Max(largestVector.GetLower(), largestVector.GetUpper());
        halves = Vector128.Max(halves, Vector128.Shuffle(halves, Vector128.Create(2, 3, 0, 1)));
        float largest = MathF.Max(halves.GetElement(0), halves.GetElement(1));
        for (; i < row.Length; i++) largest = MathF.Max(largest, row[i] * scale);
        var (shift, sums) = (Vector256.Create(largest), Vector256<float>.Zero);
        for (i = 0; i < end; i += Lanes)
        {
            var e = VectorExp.Exp(Vector256.LoadUnsafe(ref start, (nuint)i) * scaleVector - shift);
            e.StoreUnsafe(ref start, (nuint)i);
            sums += e;
        }
        float sum = Vector256.Sum(sums);
        for (; i < row.Length; i++) sum += row[i] = MathF.Exp(row[i] * scale - largest);
        var inverse = Vector256.Create(1 / sum);
        for (i = 0; i < end; i += Lanes) (Vector256.LoadUnsafe(ref start, (nuint)i) * inverse).StoreUnsafe(ref start, (nuint)i);
        for (; i < row.Length; i++) row[i] *= inverse.ToScalar();
    }

    /// <summary>[rows, columns] → [columns, rows].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose(ReadOnlySpan<float> source, Span<float> target, int rows, int columns)
    {
        ref float from = ref Element(source, 0);
        ref float to = ref MemoryMarshal.GetReference(target);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                Unsafe.Add(ref to, c * rows + r) = Unsafe.Add(ref from, r * columns + c);
    }

    /// <summary>
    /// target[c] = Σ_m coefficients[m]·matrix[m, c] for c below <paramref name="length"/> (matrix rows of that length,
    /// <paramref name="count"/> of them): eight columns' sums held in registers while the rows stream past.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Combine(ref float target, int length, ref float coefficients, int count, ref float matrix)
    {
        int end = length - length % Lanes, c = 0;
        for (; c < end; c += Lanes)
        {
            // Even and odd rows in two sums, so that two chains of dependent multiply-adds run side by side.
            var (even, odd) = (Vector256<float>.Zero, Vector256<float>.Zero);
            int m = 0;
            for (; m + 1 < count; m += 2)
            {
                even = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref coefficients, m)), Vector256.LoadUnsafe(ref matrix, (nuint)(m * length + c)), even);
                odd = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref coefficients, m + 1)), Vector256.LoadUnsafe(ref matrix, (nuint)((m + 1) * length + c)), odd);
            }
            if (m < count) even = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref coefficients, m)), Vector256.LoadUnsafe(ref matrix, (nuint)(m * length + c)), even);
            (even + odd).StoreUnsafe(ref target, (nuint)c);
        }
        for (; c < length; c++)
        {
            float sum = 0;
            for (int m = 0; m < count; m++) sum += Unsafe.Add(ref coefficients, m) * Unsafe.Add(ref matrix, m * length + c);
            Unsafe.Add(ref target, c) = sum;
        }
    }

    /// <summary>A reference to span[offset], checked once here rather than at every use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref float Element(ReadOnlySpan<float> span, int offset) => ref Unsafe.AsRef(in span[offset]);
}
