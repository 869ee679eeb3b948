using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LogicNets.Continuous.Kernels;

namespace LogicNets.Continuous.Spl;

/// <summary>
/// One SPL layer's forward and backward pass as SIMD loops over its rows (<see cref="SplKernel.Fused"/>): the three
/// products, the cosine match, the mask and the firing floor's smooth rate in one sweep, and every gradient in one more,
/// where libtorch runs some thirty operations and their backward passes over the batch. Rows run in order; within a row
/// the experts go eight to a vector. Float32, row-major spans.
/// </summary>
/// <remarks>
/// The maths is <see cref="SparseProtoLinear"/>'s: n = max(‖x‖, 1e-12); s = x·g (cost s or |s|); m = x·p̂ / n;
/// d = m − cost; hard = 1[d &gt; 0]; y = (x·μ + b)·hard; rate = mean over rows of σ(d/τ). Backward through the
/// straight-through mask: ∂y/∂d = x·μ + b on every row, or only where d &gt; 0 (<see cref="MaskGradient.Firing"/>).
/// The loops here and in the other fused kernels are compiled fully optimised at their first call
/// (AggressiveOptimization): under tiered compilation a moie fit's fused epoch took about 190 ms for its first
/// several fits in a fresh process, and in some processes for all of them, against 130–150 ms once optimised
/// (BENCHMARKS.md). The float results are the same either way.
/// </remarks>
public static class FusedSplKernel
{
    private const int Lanes = 8;

    /// <summary>The shapes of one call: rows, input width, experts, and the options that change the maths.</summary>
    public readonly record struct Shape(int Rows, int Inputs, int Experts, bool AbsoluteCost, bool EveryRow, float Temperature,
        bool RoutingGradients = true);

    /// <summary>
    /// x [rows, in]; gateT, directionT, weightT [in, experts] (transposed); bias [experts]. Writes y, the 0/1 mask,
    /// signedCost, drive, linear, match, sigmoid [rows, experts], invNorm [rows] (1 / max(‖x‖, floor)), radial [rows]
    /// (1/‖x‖², 0 where the floor held: the floor is a constant), rate [experts], and for the layer statistics each
    /// expert's firing count and summed cost over the rows [experts].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(Shape shape, ReadOnlySpan<float> x, ReadOnlySpan<float> gateT, ReadOnlySpan<float> directionT,
        ReadOnlySpan<float> weightT, ReadOnlySpan<float> bias, Span<float> y, Span<float> mask, Span<float> signedCost, Span<float> drive,
        Span<float> linear, Span<float> match, Span<float> sigmoid, Span<float> invNorm, Span<float> radial, Span<float> rate,
        Span<double> firing, Span<double> cost)
    {
        int rows = shape.Rows, inputs = shape.Inputs, experts = shape.Experts;
        Require(shape, x.Length, rows * inputs, "x");
        foreach (int length in new[] { gateT.Length, directionT.Length, weightT.Length }) Require(shape, length, inputs * experts, "a parameter");
        foreach (int length in new[] { y.Length, mask.Length, signedCost.Length, drive.Length, linear.Length, match.Length, sigmoid.Length })
            Require(shape, length, rows * experts, "a [rows, experts] output");
        foreach (int length in new[] { invNorm.Length, radial.Length }) Require(shape, length, rows, "a per-row output");
        foreach (int length in new[] { bias.Length, rate.Length, firing.Length, cost.Length }) Require(shape, length, experts, "a per-expert span");
        int vectorEnd = experts - experts % Lanes;
        Span<float> rateSum = stackalloc float[experts]; // sums of at most a batch's rows: float is exact enough
        Span<float> firingSum = stackalloc float[experts]; // counts: exact in float below 2^24 rows
        firing.Clear();
        cost.Clear();
        var scale = Vector256.Create(-1 / shape.Temperature);
        for (int r = 0; r < rows; r++)
        {
            var row = x.Slice(r * inputs, inputs);
            float square = 0;
            foreach (float value in row) square += value * value;
            float norm = MathF.Sqrt(square);
            float inv = 1 / MathF.Max(norm, (float)SparseProtoLinear.NormFloor);
            invNorm[r] = inv;
            radial[r] = norm >= SparseProtoLinear.NormFloor ? inv * inv : 0;
            var invVector = Vector256.Create(inv);
            int o = r * experts, f = 0;
            // Eight experts at a time, their three products held in registers while the row's inputs stream past.
            for (; f < vectorEnd; f += Lanes)
            {
                var sv = Vector256<float>.Zero;
                var mv = Vector256<float>.Zero;
                var lv = Load(bias, f);
                for (int i = 0; i < inputs; i++)
                {
                    var xi = Vector256.Create(row[i]);
                    int offset = i * experts + f;
                    sv = Vector256.FusedMultiplyAdd(xi, Load(gateT, offset), sv);
                    mv = Vector256.FusedMultiplyAdd(xi, Load(directionT, offset), mv);
                    lv = Vector256.FusedMultiplyAdd(xi, Load(weightT, offset), lv);
                }
                var costValue = shape.AbsoluteCost ? Vector256.Abs(sv) : sv;
                var matchValue = mv * invVector;
                var d = matchValue - costValue;
                var sig = Vector256<float>.One / (Vector256<float>.One + VectorExp.Exp(d * scale));
                Store(signedCost, o + f, sv);
                Store(match, o + f, matchValue);
                Store(drive, o + f, d);
                Store(linear, o + f, lv);
                Store(sigmoid, o + f, sig);
                var fired = Vector256.GreaterThan(d, Vector256<float>.Zero);
                Store(y, o + f, Vector256.ConditionalSelect(fired, lv, Vector256<float>.Zero));
                var firedValue = Vector256.ConditionalSelect(fired, Vector256<float>.One, Vector256<float>.Zero);
                Store(mask, o + f, firedValue);
                Add(rateSum, f, sig);
                Add(firingSum, f, firedValue);
                var (costLow, costHigh) = Vector256.Widen(costValue);
                Add(cost, f, costLow);
                Add(cost, f + Lanes / 2, costHigh);
            }
            for (; f < experts; f++)
            {
                float sv = 0, mv = 0, lv = bias[f];
                for (int i = 0; i < inputs; i++)
                {
                    int offset = i * experts + f;
                    sv += row[i] * gateT[offset];
                    mv += row[i] * directionT[offset];
                    lv += row[i] * weightT[offset];
                }
                float costValue = shape.AbsoluteCost ? MathF.Abs(sv) : sv;
                float matchValue = mv * inv;
                float d = matchValue - costValue;
                float sig = 1 / (1 + MathF.Exp(-d / shape.Temperature));
                signedCost[o + f] = sv;
                match[o + f] = matchValue;
                drive[o + f] = d;
                linear[o + f] = lv;
                sigmoid[o + f] = sig;
                y[o + f] = d > 0 ? lv : 0;
                mask[o + f] = d > 0 ? 1 : 0;
                rateSum[f] += sig;
                firingSum[f] += mask[o + f];
                cost[f] += costValue;
            }
        }
        for (int e = 0; e < experts; e++)
        {
            rate[e] = (float)(rateSum[e] / rows);
            firing[e] = firingSum[e];
        }
    }

    /// <summary>
    /// Gradients for one call: gradY [rows, experts] and gradRate [experts] in; gradX [rows, in] and gradGateT,
    /// gradDirectionT, gradWeightT [in, experts], gradBias [experts] out (overwritten). gate, direction, weight are
    /// [experts, in]; the saved spans are <see cref="Forward"/>'s.
    /// </summary>
    /// <remarks>
    /// Two sweeps: the rows (each row's gradients of its three products, then its input gradient, held in registers
    /// while the experts stream past), then the parameters (column sums of those gradients weighted by the inputs, four
    /// inputs' sums in registers while the rows stream past, rows in order). Accumulating the parameter gradients row
    /// by row in memory instead cost more time. Products are added with fused multiply-adds (one rounding each).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(Shape shape, ReadOnlySpan<float> x, ReadOnlySpan<float> gate, ReadOnlySpan<float> direction,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> gradY, ReadOnlySpan<float> gradRate, ReadOnlySpan<float> signedCost,
        ReadOnlySpan<float> drive, ReadOnlySpan<float> linear, ReadOnlySpan<float> match, ReadOnlySpan<float> sigmoid,
        ReadOnlySpan<float> invNorm, ReadOnlySpan<float> radial, Span<float> gradX, Span<float> gradGateT, Span<float> gradDirectionT, Span<float> gradWeightT,
        Span<float> gradBias)
    {
        int rows = shape.Rows, inputs = shape.Inputs, experts = shape.Experts;
        foreach (int length in new[] { x.Length, gradX.Length }) Require(shape, length, rows * inputs, "x or its gradient");
        foreach (int length in new[] { gate.Length, direction.Length, weight.Length, gradGateT.Length, gradDirectionT.Length, gradWeightT.Length })
            Require(shape, length, inputs * experts, "a parameter or its gradient");
        foreach (int length in new[] { gradY.Length, signedCost.Length, drive.Length, linear.Length, match.Length, sigmoid.Length })
            Require(shape, length, rows * experts, "a [rows, experts] span");
        foreach (int length in new[] { invNorm.Length, radial.Length }) Require(shape, length, rows, "a per-row span");
        Require(shape, gradBias.Length, experts, "the bias gradient");
        if (!gradRate.IsEmpty) Require(shape, gradRate.Length, experts, "the rate's gradient");
        int vectorEnd = experts - experts % Lanes, inputEnd = inputs - inputs % Lanes;
        int cells = rows * experts;
        // Per row and expert, the gradients of the linear product (gl), the signed cost (gs) and the match product (gm).
        float[] rented = ArrayPool<float>.Shared.Rent(3 * cells);
        try
        {
            var gl = rented.AsSpan(0, cells);
            var gs = rented.AsSpan(cells, cells);
            var gm = rented.AsSpan(2 * cells, cells);
            Span<float> floorScale = stackalloc float[experts];
            for (int e = 0; e < experts; e++) floorScale[e] = gradRate.IsEmpty ? 0 : gradRate[e] / (rows * shape.Temperature);
            for (int r = 0; r < rows; r++)
            {
                int o = r * experts;
                var row = x.Slice(r * inputs, inputs);
                float inv = invNorm[r], towardX = 0;
                var invVector = Vector256.Create(inv);
                var towardVector = Vector256<float>.Zero;
                int f = 0;
                for (; f < vectorEnd; f += Lanes)
                {
                    var d = Load(drive, o + f);
                    var g = Load(gradY, o + f);
                    var sig = Load(sigmoid, o + f);
                    var fired = Vector256.GreaterThan(d, Vector256<float>.Zero);
                    var glv = Vector256.ConditionalSelect(fired, g, Vector256<float>.Zero);
                    var throughMask = g * Load(linear, o + f);
                    if (!shape.EveryRow) throughMask = Vector256.ConditionalSelect(fired, throughMask, Vector256<float>.Zero);
                    var gd = throughMask + Load(floorScale, f) * sig * (Vector256<float>.One - sig);
                    var gsv = -gd;
                    if (shape.AbsoluteCost)
                    {
                        var sc = Load(signedCost, o + f);
                        gsv = Vector256.ConditionalSelect(Vector256.GreaterThan(sc, Vector256<float>.Zero), gsv,
                            Vector256.ConditionalSelect(Vector256.LessThan(sc, Vector256<float>.Zero), gd, Vector256<float>.Zero));
                    }
                    Store(gl, o + f, glv);
                    Store(gs, o + f, gsv);
                    Store(gm, o + f, gd * invVector);
                    towardVector += gd * Load(match, o + f);
                }
                towardX = Vector256.Sum(towardVector);
                for (; f < experts; f++)
                {
                    float d = drive[o + f], g = gradY[o + f], sig = sigmoid[o + f];
                    float fired = d > 0 ? 1 : 0;
                    gl[o + f] = g * fired;
                    float gd = g * linear[o + f] * (shape.EveryRow ? 1 : fired) + floorScale[f] * sig * (1 - sig);
                    gs[o + f] = shape.AbsoluteCost ? -gd * MathF.Sign(signedCost[o + f]) : -gd;
                    gm[o + f] = gd * inv;
                    towardX += gd * match[o + f];
                }
                // ∂m/∂x = p̂/n − m·x/n², the second term only where the norm was not floored.
                float along = towardX * radial[r];
                var gradRow = gradX.Slice(r * inputs, inputs);
                Span<float> rowGl = gl.Slice(o, experts), rowGs = gs.Slice(o, experts), rowGm = gm.Slice(o, experts);
                int i = 0;
                // Skipping an expert with no gradient pays only where most have none: off rows under the firing-only mask.
                bool skipSilent = !shape.EveryRow;
                for (; i < inputEnd; i += Lanes)
                {
                    var sum = Vector256.Create(-along) * Load(row, i);
                    for (int e = 0; e < experts; e++)
                    {
                        float a = rowGl[e], b = rowGs[e], c = rowGm[e];
                        if (skipSilent && a == 0 && b == 0 && c == 0) continue;
                        int offset = e * inputs + i;
                        sum = Vector256.FusedMultiplyAdd(Vector256.Create(a), Load(weight, offset), sum);
                        sum = Vector256.FusedMultiplyAdd(Vector256.Create(b), Load(gate, offset), sum);
                        sum = Vector256.FusedMultiplyAdd(Vector256.Create(c), Load(direction, offset), sum);
                    }
                    Store(gradRow, i, sum);
                }
                for (; i < inputs; i++)
                {
                    float sum = -along * row[i];
                    for (int e = 0; e < experts; e++)
                    {
                        float a = rowGl[e], b = rowGs[e], c = rowGm[e];
                        if (a == 0 && b == 0 && c == 0) continue;
                        int offset = e * inputs + i;
                        sum += a * weight[offset] + b * gate[offset] + c * direction[offset];
                    }
                    gradRow[i] = sum;
                }
            }
            InputWeightedSums(shape, x, gl, gradWeightT, gradBias);
            if (shape.RoutingGradients)
            {
                InputWeightedSums(shape, x, gs, gradGateT, Span<float>.Empty);
                InputWeightedSums(shape, x, gm, gradDirectionT, Span<float>.Empty);
            }
            else
            {
                gradGateT.Clear();
                gradDirectionT.Clear();
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// sumsT[i, e] = Σ_rows x[r, i]·perRow[r, e] and, when <paramref name="columnSums"/> is not empty, its [e] = Σ_rows
    /// perRow[r, e]: the rows summed in order, four inputs' sums of eight experts in registers at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InputWeightedSums(Shape shape, ReadOnlySpan<float> x, ReadOnlySpan<float> perRow, Span<float> sumsT, Span<float> columnSums)
    {
        const int Block = 4;
        int rows = shape.Rows, inputs = shape.Inputs, experts = shape.Experts;
        int vectorEnd = experts - experts % Lanes;
        bool withColumns = !columnSums.IsEmpty;
        for (int f = 0; f < vectorEnd; f += Lanes)
        {
            int i = 0;
            for (; i + Block <= inputs; i += Block)
            {
                var (s0, s1, s2, s3) = (Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero);
                for (int r = 0; r < rows; r++)
                {
                    var v = Load(perRow, r * experts + f);
                    int xi = r * inputs + i;
                    s0 = Vector256.FusedMultiplyAdd(Vector256.Create(x[xi]), v, s0);
                    s1 = Vector256.FusedMultiplyAdd(Vector256.Create(x[xi + 1]), v, s1);
                    s2 = Vector256.FusedMultiplyAdd(Vector256.Create(x[xi + 2]), v, s2);
                    s3 = Vector256.FusedMultiplyAdd(Vector256.Create(x[xi + 3]), v, s3);
                }
                Store(sumsT, i * experts + f, s0);
                Store(sumsT, (i + 1) * experts + f, s1);
                Store(sumsT, (i + 2) * experts + f, s2);
                Store(sumsT, (i + 3) * experts + f, s3);
            }
            for (; i < inputs; i++)
            {
                var s = Vector256<float>.Zero;
                for (int r = 0; r < rows; r++) s = Vector256.FusedMultiplyAdd(Vector256.Create(x[r * inputs + i]), Load(perRow, r * experts + f), s);
                Store(sumsT, i * experts + f, s);
            }
            if (!withColumns) continue;
            var column = Vector256<float>.Zero;
            for (int r = 0; r < rows; r++) column += Load(perRow, r * experts + f);
            Store(columnSums, f, column);
        }
        for (int f = vectorEnd; f < experts; f++)
        {
            for (int i = 0; i < inputs; i++)
            {
                float s = 0;
                for (int r = 0; r < rows; r++) s += x[r * inputs + i] * perRow[r * experts + f];
                sumsT[i * experts + f] = s;
            }
            if (!withColumns) continue;
            float column = 0;
            for (int r = 0; r < rows; r++) column += perRow[r * experts + f];
            columnSums[f] = column;
        }
    }

    /// <summary>The loops read and write through unchecked references: every span's length is checked once, here.</summary>
    private static void Require(Shape shape, int length, int expected, string what)
    {
        if (length != expected)
            throw new ArgumentException($"fused SPL kernel on {shape.Rows} rows, {shape.Inputs} → {shape.Experts}: {what} has {length} values, not {expected}");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Load(ReadOnlySpan<float> span, int offset) =>
        Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(span), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Load(Span<float> span, int offset) =>
        Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(span), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<float> span, int offset, Vector256<float> value) =>
        value.StoreUnsafe(ref MemoryMarshal.GetReference(span), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<double> span, int offset, Vector256<double> value)
    {
        ref double start = ref MemoryMarshal.GetReference(span);
        (Vector256.LoadUnsafe(ref start, (nuint)offset) + value).StoreUnsafe(ref start, (nuint)offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<float> span, int offset, Vector256<float> value)
    {
        ref float start = ref MemoryMarshal.GetReference(span);
        (Vector256.LoadUnsafe(ref start, (nuint)offset) + value).StoreUnsafe(ref start, (nuint)offset);
    }
}
