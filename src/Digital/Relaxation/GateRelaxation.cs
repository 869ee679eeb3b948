using LogicNets.Digital.Gates;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Digital.Relaxation;

/// <summary>
/// Relaxed gates (docs/DESIGN.md §5). A neuron's softmax mixture over the 16 gates is linear in the gates'
/// coefficient rows, so it collapses to four numbers, softmax(w)·K, and one multiply-add chain
/// c0 + c1·a + c2·b + c3·ab — instead of evaluating and weighting 16 functions.
/// </summary>
public static class GateRelaxation
{
    /// <summary>The 16×4 coefficient table K on a device.</summary>
    public static Tensor CoefficientTable(Device device) =>
        tensor(GateOps.All.SelectMany(op => op.Coefficients() is var (c0, c1, c2, c3) ? new[] { c0, c1, c2, c3 } : []).ToArray(),
            [GateOps.Count, 4], dtype: ScalarType.Float32, device: device);

    /// <summary>softmax(logits)·K: [neurons, 16] → [neurons, 4].</summary>
    public static Tensor MixtureCoefficients(Tensor logits, Tensor table) => Select(logits, straightThrough: false).matmul(table);

    /// <summary>
    /// Softmax weights over the last axis, or — straight-through — the one-hot argmax in the forward pass with the
    /// softmax's gradient in the backward pass, so training sees exactly the discrete choice it will be cut to.
    /// </summary>
    public static Tensor Select(Tensor logits, bool straightThrough)
    {
        var soft = nn.functional.softmax(logits, -1);
        if (!straightThrough) return soft;
        var hard = nn.functional.one_hot(logits.argmax(-1), logits.shape[^1]).to_type(soft.dtype);
        return soft + (hard - soft).detach();
    }

    /// <summary>
    /// Sparse top-k selection (learned wiring among many inputs): the forward pass mixes only the k largest logits of
    /// each row, by their softmax; the backward pass is the dense softmax's, so an input outside the k still gets a
    /// gradient and can climb into them. A dense softmax over 20+ inputs starts as an average of all of them, which
    /// hides each one's effect; k candidates keep it readable. k ≥ the row length, or k ≤ 0, is the dense softmax;
    /// straight-through is the argmax as in <see cref="Select"/>.
    /// </summary>
    public static Tensor SelectTopK(Tensor logits, int k, bool straightThrough)
    {
        if (straightThrough || k <= 0 || k >= logits.shape[^1]) return Select(logits, straightThrough);
        var soft = nn.functional.softmax(logits, -1);
        var (top, index) = logits.topk(k, -1);
        var sparse = zeros_like(soft).scatter(-1, index, nn.functional.softmax(top, -1));
        return soft + (sparse - soft).detach();
    }

    /// <summary>
    /// Input-wise form: the four corner values v = σ(θ) [neurons, 4] (corners 00, 01, 10, 11) as coefficients
    /// (v00, v10 − v00, v01 − v00, v11 − v10 − v01 + v00). Straight-through, the forward pass uses the hard corner
    /// values θ &gt; 0 with σ's gradient.
    /// </summary>
    public static Tensor CornerCoefficients(Tensor corners, bool straightThrough)
    {
        var soft = corners.sigmoid();
        var v = straightThrough ? soft + (corners.gt(0).to_type(soft.dtype) - soft).detach() : soft;
        var c = v.unbind(1); // v00, v01, v10, v11
        return stack([c[0], c[2] - c[0], c[1] - c[0], c[3] - c[2] - c[1] + c[0]], 1);
    }

    /// <summary>The gate an input-wise neuron discretises to: corner (x, y) is 1 where its logit is positive.</summary>
    public static GateOp CornerGate(ReadOnlySpan<float> corners) =>
        (GateOp)((corners[0] > 0 ? 8 : 0) | (corners[1] > 0 ? 4 : 0) | (corners[2] > 0 ? 2 : 0) | (corners[3] > 0 ? 1 : 0));

    /// <summary>
    /// The input-wise reference: Σ σ(θ_xy)·P(a = x)·P(b = y) over the four corners, by definition (tests: the
    /// coefficient form must equal it).
    /// </summary>
    public static Tensor ApplyCornerReference(Tensor a, Tensor b, Tensor corners)
    {
        var v = corners.sigmoid();
        var (notA, notB) = (1 - a, 1 - b);
        return v[.., 0] * (notA * notB) + v[.., 1] * (notA * b) + v[.., 2] * (a * notB) + v[.., 3] * (a * b);
    }

    /// <summary>Coefficient form: a, b are [batch, neurons]; coefficients [neurons, 4].</summary>
    public static Tensor Apply(Tensor a, Tensor b, Tensor coefficients)
    {
        var c = coefficients.unbind(1);
        return c[0] + c[1] * a + c[2] * b + c[3] * (a * b);
    }

    /// <summary>
    /// The reference: every one of the 16 gate functions evaluated by its definition — the expectation over the four
    /// input corners, Σ f(x, y)·P(a = x)·P(b = y), read from the truth table — and weighted by the softmax.
    /// Kept for tests (the coefficient form must equal it) and as the speed baseline.
    /// </summary>
    public static Tensor ApplyReference(Tensor a, Tensor b, Tensor logits)
    {
        var w = nn.functional.softmax(logits, -1);
        var (notA, notB) = (1 - a, 1 - b);
        Tensor[] corners = [notA * notB, notA * b, a * notB, a * b]; // P(0,0), P(0,1), P(1,0), P(1,1)
        var result = zeros_like(a);
        foreach (var op in GateOps.All)
        {
            var (f00, f01, f10, f11) = op.Truth();
            bool[] truth = [f00, f01, f10, f11];
            var value = zeros_like(a);
            for (int corner = 0; corner < 4; corner++)
                if (truth[corner]) value = value + corners[corner];
            result = result + w[.., (int)op] * value;
        }
        return result;
    }
}
