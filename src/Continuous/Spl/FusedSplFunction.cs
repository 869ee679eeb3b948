using LogicNets.Continuous.Torch;
using TorchSharp;
using static LogicNets.Continuous.Torch.TensorSpans;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Spl;

/// <summary>
/// A whole SPL layer as one libtorch autograd node around <see cref="FusedSplKernel"/>: inputs x [..., in] (any leading
/// shape: its rows), gate g, effective prototype p (normalised here), computation rows μ [experts, in] and bias b
/// [experts]; outputs y [..., experts] and the firing floor's loss λ·mean relu(floor − rate)² (a scalar), both
/// differentiable. The hard mask and signed cost of the batch, [rows, experts], come back through <see cref="Batch"/>
/// (for the layer statistics and M-SAPS), not as outputs.
/// CPU float32 only.
/// </summary>
/// <remarks>
/// The prototype's normalisation, the transposes and the floor's loss run here in C# rather than as a dozen small
/// libtorch operations and their backward nodes around the kernel: at moie's sizes those cost as much as the kernel.
/// </remarks>
public sealed class FusedSplFunction : autograd.MultiTensorFunction<FusedSplFunction>
{
    public override string Name => "FusedSparseProtoLinear";

    /// <summary>What the forward pass also hands back, without gradient: the 0/1 mask and x·g [rows, experts], and their totals per expert.</summary>
    public sealed class Batch
    {
        public Tensor? Mask { get; internal set; }

        public Tensor? SignedCost { get; internal set; }

        public ExpertTotals? Totals { get; internal set; }
    }

    /// <summary>Runs the node; <paramref name="batch"/> receives the mask, the signed cost and their totals per expert.</summary>
    public static (Tensor Output, Tensor FloorLoss) Apply(Tensor x, Tensor gate, Tensor prototype, Tensor weight, Tensor bias,
        SplOptions options, Batch batch)
    {
        foreach (var t in new[] { x, gate, prototype, weight, bias })
            if (!IsCpuFloat32(t))
                throw new ArgumentException($"the fused SPL kernel runs on CPU float32 tensors, got {t.device_type} {t.dtype}");
        bool backwardFollows = FusedNodes.BackwardFollows(x, gate, prototype, weight, bias);
        var outputs = apply(x.contiguous(), gate.contiguous(), prototype.contiguous(), weight.contiguous(), bias.contiguous(), options,
            batch, backwardFollows);
        return (outputs[0], outputs[1]);
    }

    public override List<Tensor> forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var (x, gate, prototype, weight, bias) = ((Tensor)vars[0], (Tensor)vars[1], (Tensor)vars[2], (Tensor)vars[3], (Tensor)vars[4]);
        var (options, batch, backwardFollows) = ((SplOptions)vars[5], (Batch)vars[6], (bool)vars[7]);
        long inputs = x.shape[^1];
        var shape = new FusedSplKernel.Shape(checked((int)(x.numel() / inputs)), checked((int)inputs), checked((int)gate.shape[0]),
            options.AbsoluteCost, options.MaskGradient == MaskGradient.Every, (float)options.BalanceTemperature,
            RoutingGradients: gate.requires_grad || prototype.requires_grad);
        using var noGrad = no_grad();
        Tensor Rows() => empty(shape.Rows, shape.Experts, dtype: ScalarType.Float32, device: x.device);
        long[] outputShape = [.. x.shape[..^1], shape.Experts];
        var (y, mask, signedCost) = (empty(outputShape, dtype: ScalarType.Float32, device: x.device), Rows(), Rows());
        var totals = new ExpertTotals(new double[shape.Experts], new double[shape.Experts]);
        var pass = Run(shape, x, gate, prototype, weight, bias, Floats(y), Floats(mask), Floats(signedCost), totals);
        batch.Mask = mask;
        batch.SignedCost = signedCost;
        batch.Totals = totals;
        var floorLoss = tensor(FloorLoss(pass.Rate, options), dtype: ScalarType.Float32, device: x.device);
        if (!backwardFollows)
        {
            pass.Release();
            return [y, floorLoss];
        }
        ctx.save_for_backward([x, gate, prototype, weight, bias, signedCost]);
        ctx.save_data("pass", pass);
        ctx.save_data("options", options);
        return [y, floorLoss];
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, List<Tensor> gradients)
    {
        var saved = ctx.get_saved_variables();
        var pass = (SavedPass)ctx.get_data("pass");
        var options = (SplOptions)ctx.get_data("options");
        var shape = pass.Shape;
        var (x, gate, prototype, weight, bias, signedCost) = (saved[0], saved[1], saved[2], saved[3], saved[4], saved[5]);
        // A second backward pass (retain_graph): the first gave back what the forward pass kept, so run it again.
        if (pass.Released)
        {
            var cells = new float[shape.Rows * shape.Experts];
            pass = Run(shape, x, gate, prototype, weight, bias, cells, new float[cells.Length], new float[cells.Length],
                new ExpertTotals(new double[shape.Experts], new double[shape.Experts]));
        }
        var gradY = gradients[0] is { } g && g.Handle != IntPtr.Zero ? g.contiguous() : zeros(shape.Rows * (long)shape.Experts, device: x.device);
        Span<float> gradRate = gradients.Count > 1 && gradients[1] is { } l && l.Handle != IntPtr.Zero
            ? FloorLossGradient(l.item<float>(), pass.Rate, options)
            : Span<float>.Empty;
        var gradX = empty(x.shape, dtype: ScalarType.Float32, device: x.device);
        Tensor Parameters() => empty(shape.Experts, shape.Inputs, dtype: ScalarType.Float32, device: x.device);
        var (gradGate, gradPrototype, gradWeight) = (Parameters(), Parameters(), Parameters());
        var gradBias = empty(shape.Experts, dtype: ScalarType.Float32, device: x.device);
        Span<float> gradGateT = pass.Transposed(0), gradDirectionT = pass.Transposed(1), gradWeightT = pass.Transposed(2);
        FusedSplKernel.Backward(shape, Floats(x), Floats(gate), pass.Direction, Floats(weight), Floats(gradY), gradRate,
            Floats(signedCost), pass.Drive, pass.Linear, pass.Match, pass.Sigmoid, pass.InvNorm, pass.Radial, Floats(gradX),
            gradGateT, gradDirectionT, gradWeightT, Floats(gradBias));
        Transpose(gradWeightT, Floats(gradWeight), shape.Inputs, shape.Experts);
        if (shape.RoutingGradients)
        {
            Transpose(gradGateT, Floats(gradGate), shape.Inputs, shape.Experts);
            Transpose(gradDirectionT, Floats(gradPrototype), shape.Inputs, shape.Experts);
            NormalizeBackward(Floats(gradPrototype), pass.Direction, pass.PrototypeNorm, shape.Inputs);
        }
        pass.Release();
        // Frozen routing (moie's default, block 0): no gradient for the gate and prototype, none computed.
        return shape.RoutingGradients
            ? [gradX, gradGate, gradPrototype, gradWeight, gradBias, null!, null!, null!]
            : [gradX, null!, null!, gradWeight, gradBias, null!, null!, null!];
    }

    /// <summary>
    /// The forward pass into y, mask, signedCost and the statistics' totals; returns what the backward pass reads (with
    /// the parameters transposed for the kernel).
    /// </summary>
    private static SavedPass Run(FusedSplKernel.Shape shape, Tensor x, Tensor gate, Tensor prototype, Tensor weight, Tensor bias,
        Span<float> y, Span<float> mask, Span<float> signedCost, ExpertTotals totals)
    {
        var pass = new SavedPass(shape);
        Span<float> gateT = pass.Transposed(0), directionT = pass.Transposed(1), weightT = pass.Transposed(2);
        Transpose(Floats(gate), gateT, shape.Experts, shape.Inputs);
        Normalize(Floats(prototype), pass.Direction, pass.PrototypeNorm, shape.Inputs);
        Transpose(pass.Direction, directionT, shape.Experts, shape.Inputs);
        Transpose(Floats(weight), weightT, shape.Experts, shape.Inputs);
        FusedSplKernel.Forward(shape, Floats(x), gateT, directionT, weightT, Floats(bias), y, mask, signedCost,
            pass.Drive, pass.Linear, pass.Match, pass.Sigmoid, pass.InvNorm, pass.Radial, pass.Rate, totals.Firing, totals.Cost);
        return pass;
    }

    /// <summary>λ · mean over experts of relu(floor − rate)²: the libtorch path's <c>SparseProtoLinear.FiringFloor</c>.</summary>
    private static float FloorLoss(ReadOnlySpan<float> rate, SplOptions options)
    {
        float sum = 0;
        foreach (float r in rate) {
            float below = MathF.Max((float)options.BalanceFloor - r, 0);
            sum += below * below;
        }
        return sum / rate.Length * (float)options.Balance;
    }

    /// <summary>∂loss/∂rate for the loss's gradient <paramref name="upstream"/>: −2λ·relu(floor − rate) / experts each.</summary>
    private static float[] FloorLossGradient(float upstream, ReadOnlySpan<float> rate, SplOptions options)
    {
        var gradient = new float[rate.Length];
        float scale = -2 * upstream * (float)options.Balance / rate.Length;
        for (int e = 0; e < rate.Length; e++) gradient[e] = scale * MathF.Max((float)options.BalanceFloor - rate[e], 0);
        return gradient;
    }

    /// <summary>p̂ = p / max(‖p‖, floor) row by row, as nn.functional.normalize; keeps each row's norm.</summary>
    private static void Normalize(ReadOnlySpan<float> prototype, Span<float> direction, Span<float> norms, int inputs)
    {
        for (int e = 0; e < norms.Length; e++)
        {
            var row = prototype.Slice(e * inputs, inputs);
            float square = 0;
            foreach (float value in row) square += value * value;
            norms[e] = MathF.Sqrt(square);
            float scale = 1 / MathF.Max(norms[e], (float)SparseProtoLinear.NormFloor);
            for (int i = 0; i < inputs; i++) direction[e * inputs + i] = row[i] * scale;
        }
    }

    /// <summary>∂p̂/∂p applied in place: (g − p̂ (p̂·g)) / ‖p‖, or g / floor where the floor held (a constant norm).</summary>
    private static void NormalizeBackward(Span<float> gradient, ReadOnlySpan<float> direction, ReadOnlySpan<float> norms, int inputs)
    {
        for (int e = 0; e < norms.Length; e++)
        {
            var row = gradient.Slice(e * inputs, inputs);
            var unit = direction.Slice(e * inputs, inputs);
            if (norms[e] < SparseProtoLinear.NormFloor)
            {
                for (int i = 0; i < inputs; i++) row[i] /= (float)SparseProtoLinear.NormFloor;
                continue;
            }
            float along = 0;
            for (int i = 0; i < inputs; i++) along += unit[i] * row[i];
            for (int i = 0; i < inputs; i++) row[i] = (row[i] - unit[i] * along) / norms[e];
        }
    }

    /// <summary>[rowCount, columns] → [columns, rowCount].</summary>
    private static void Transpose(ReadOnlySpan<float> source, Span<float> target, int rowCount, int columns)
    {
        for (int r = 0; r < rowCount; r++)
            for (int c = 0; c < columns; c++)
                target[c * rowCount + r] = source[r * columns + c];
    }

    /// <summary>
    /// What the backward pass reads that no caller sees (drive, linear, match and sigmoid per row and expert; 1/‖x‖ and
    /// 1/‖x‖² per row; rate and ‖p‖ per expert; p̂), and room for the three parameters transposed, later their gradients.
    /// </summary>
    private sealed class SavedPass(FusedSplKernel.Shape shape)
    {
        private readonly PooledSegments _segments = new(nameof(FusedSplFunction),
            shape.Rows * shape.Experts, shape.Rows * shape.Experts, shape.Rows * shape.Experts, shape.Rows * shape.Experts,
            shape.Rows, shape.Rows, shape.Experts, shape.Experts,
            shape.Experts * shape.Inputs, shape.Experts * shape.Inputs, shape.Experts * shape.Inputs, shape.Experts * shape.Inputs);

        public FusedSplKernel.Shape Shape { get; } = shape;

        public Span<float> Drive => _segments[0];

        public Span<float> Linear => _segments[1];

        public Span<float> Match => _segments[2];

        public Span<float> Sigmoid => _segments[3];

        public Span<float> InvNorm => _segments[4];

        public Span<float> Radial => _segments[5];

        public Span<float> Rate => _segments[6];

        public Span<float> PrototypeNorm => _segments[7];

        /// <summary>p̂ [experts, in].</summary>
        public Span<float> Direction => _segments[8];

        /// <summary>Three [in, experts] buffers: the gate, p̂ and μ transposed, then their gradients.</summary>
        public Span<float> Transposed(int index) => _segments[9 + index];

        public bool Released => _segments.Released;

        public void Release() => _segments.Release();
    }
}
