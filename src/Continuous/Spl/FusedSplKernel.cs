using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
/// </remarks>
public static class FusedSplKernel
{
    private const int Lanes = 8;

    /// <summary>The shapes of one call: rows, input width, experts, and the options that change the maths.</summary>
    public readonly record struct Shape(int Rows, int Inputs, int Experts, bool AbsoluteCost, bool EveryRow, float Temperature,
        bool RoutingGradients = true);

    /// <summary>
    /// x [rows, in]; gateT, directionT, weightT [in, experts] (transposed); bias [experts]. Writes y, signedCost, drive,
    /// linear, match, sigmoid [rows, experts], invNorm [rows] (1 / max(‖x‖, floor)), radial [rows] (1/‖x‖², 0 where the
    /// floor held: the floor is a constant) and rate [experts].
    /// </summary>
    public static void Forward(Shape shape, ReadOnlySpan<float> x, ReadOnlySpan<float> gateT, ReadOnlySpan<float> directionT,
        ReadOnlySpan<float> weightT, ReadOnlySpan<float> bias, Span<float> y, Span<float> signedCost, Span<float> drive,
        Span<float> linear, Span<float> match, Span<float> sigmoid, Span<float> invNorm, Span<float> radial, Span<float> rate)
    {
        int rows = shape.Rows, inputs = shape.Inputs, experts = shape.Experts;
        int vectorEnd = experts - experts % Lanes;
        Span<float> rateSum = stackalloc float[experts]; // sums of at most a batch's rows: float is exact enough
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
                    sv += xi * Load(gateT, offset);
                    mv += xi * Load(directionT, offset);
                    lv += xi * Load(weightT, offset);
                }
                var cost = shape.AbsoluteCost ? Vector256.Abs(sv) : sv;
                var matchValue = mv * invVector;
                var d = matchValue - cost;
                var sig = Vector256<float>.One / (Vector256<float>.One + Vector256.Exp(d * scale));
                Store(signedCost, o + f, sv);
                Store(match, o + f, matchValue);
                Store(drive, o + f, d);
                Store(linear, o + f, lv);
                Store(sigmoid, o + f, sig);
                Store(y, o + f, Vector256.ConditionalSelect(Vector256.GreaterThan(d, Vector256<float>.Zero), lv, Vector256<float>.Zero));
                Add(rateSum, f, sig);
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
                float cost = shape.AbsoluteCost ? MathF.Abs(sv) : sv;
                float matchValue = mv * inv;
                float d = matchValue - cost;
                float sig = 1 / (1 + MathF.Exp(-d / shape.Temperature));
                signedCost[o + f] = sv;
                match[o + f] = matchValue;
                drive[o + f] = d;
                linear[o + f] = lv;
                sigmoid[o + f] = sig;
                y[o + f] = d > 0 ? lv : 0;
                rateSum[f] += sig;
            }
        }
        for (int e = 0; e < experts; e++) rate[e] = (float)(rateSum[e] / rows);
    }

    /// <summary>
    /// Gradients for one call: gradY [rows, experts] and gradRate [experts] in; gradX [rows, in] and gradGateT,
    /// gradDirectionT, gradWeightT [in, experts], gradBias [experts] out (overwritten). gate, direction, weight are
    /// [experts, in]; the saved spans are <see cref="Forward"/>'s.
    /// </summary>
    public static void Backward(Shape shape, ReadOnlySpan<float> x, ReadOnlySpan<float> gate, ReadOnlySpan<float> direction,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> gradY, ReadOnlySpan<float> gradRate, ReadOnlySpan<float> signedCost,
        ReadOnlySpan<float> drive, ReadOnlySpan<float> linear, ReadOnlySpan<float> match, ReadOnlySpan<float> sigmoid,
        ReadOnlySpan<float> invNorm, ReadOnlySpan<float> radial, Span<float> gradX, Span<float> gradGateT, Span<float> gradDirectionT, Span<float> gradWeightT,
        Span<float> gradBias)
    {
        int rows = shape.Rows, inputs = shape.Inputs, experts = shape.Experts;
        int vectorEnd = experts - experts % Lanes;
        gradGateT.Clear();
        gradDirectionT.Clear();
        gradWeightT.Clear();
        gradBias.Clear();
        Span<float> gs = stackalloc float[experts], gm = stackalloc float[experts], gl = stackalloc float[experts];
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
                Store(gl, f, glv);
                Store(gs, f, gsv);
                Store(gm, f, gd * invVector);
                towardVector += gd * Load(match, o + f);
                Add(gradBias, f, glv);
            }
            towardX = Vector256.Sum(towardVector);
            for (; f < experts; f++)
            {
                float d = drive[o + f], g = gradY[o + f], sig = sigmoid[o + f];
                float fired = d > 0 ? 1 : 0;
                gl[f] = g * fired;
                float gd = g * linear[o + f] * (shape.EveryRow ? 1 : fired) + floorScale[f] * sig * (1 - sig);
                gs[f] = shape.AbsoluteCost ? -gd * MathF.Sign(signedCost[o + f]) : -gd;
                gm[f] = gd * inv;
                towardX += gd * match[o + f];
                gradBias[f] += gl[f];
            }
            // ∂m/∂x = p̂/n − m·x/n², the second term only where the norm was not floored.
            float along = towardX * radial[r];
            var gradRow = gradX.Slice(r * inputs, inputs);
            for (int i = 0; i < inputs; i++) gradRow[i] = -along * row[i];
            int inputEnd = inputs - inputs % Lanes;
            for (int e = 0; e < experts; e++)
            {
                float a = gl[e], b = gs[e], c = gm[e];
                if (a == 0 && b == 0 && c == 0) continue;
                int offset = e * inputs, i = 0;
                var (av, bv, cv) = (Vector256.Create(a), Vector256.Create(b), Vector256.Create(c));
                for (; i < inputEnd; i += Lanes)
                    Add(gradRow, i, av * Load(weight, offset + i) + bv * Load(gate, offset + i) + cv * Load(direction, offset + i));
                for (; i < inputs; i++)
                    gradRow[i] += a * weight[offset + i] + b * gate[offset + i] + c * direction[offset + i];
            }
            // Parameter gradients: outer products of the row with the per-expert gradients.
            for (int i = 0; i < inputs; i++)
            {
                float xi = row[i];
                if (xi == 0) continue;
                var broadcast = Vector256.Create(xi);
                int offset = i * experts, e = 0;
                for (; e < vectorEnd; e += Lanes)
                {
                    Add(gradWeightT, offset + e, broadcast * Load(gl, e));
                    if (!shape.RoutingGradients) continue;
                    Add(gradGateT, offset + e, broadcast * Load(gs, e));
                    Add(gradDirectionT, offset + e, broadcast * Load(gm, e));
                }
                for (; e < experts; e++)
                {
                    gradWeightT[offset + e] += xi * gl[e];
                    if (!shape.RoutingGradients) continue;
                    gradGateT[offset + e] += xi * gs[e];
                    gradDirectionT[offset + e] += xi * gm[e];
                }
            }
        }
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
    private static void Add(Span<float> span, int offset, Vector256<float> value)
    {
        ref float start = ref MemoryMarshal.GetReference(span);
        (Vector256.LoadUnsafe(ref start, (nuint)offset) + value).StoreUnsafe(ref start, (nuint)offset);
    }
}
