using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TorchSharp;
using TorchSharp.Modules;
using static LogicNets.Continuous.Torch.TensorSpans;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Training;

/// <summary>
/// Adam (default betas and ε, no weight decay) whose step runs, for each contiguous CPU float32 parameter, as one SIMD
/// loop over its elements instead of some ten libtorch operations: moie has 57 small parameter tensors, where those
/// operations cost more than a millisecond a step for a few thousand numbers. Other parameters take the same update
/// as libtorch operations. The same algorithm as <c>optim.Adam</c>; the last float bits can differ. With
/// <paramref name="maxGradientNorm"/> &gt; 0 the step first scales the gradients as <c>nn.utils.clip_grad_norm_</c> over
/// all its parameters would (by max/(‖g‖ + 10⁻⁶) when that is below 1), inside the same loops: the gradients
/// themselves are left as they are.
/// </summary>
public sealed class FusedAdam(IEnumerable<Parameter> parameters, double learningRate, double maxGradientNorm = 0) : Adam(parameters, learningRate)
{
    public override Tensor step(Func<Tensor>? closure = null)
    {
        float scale = maxGradientNorm > 0 ? ClipScale() : 1;
        return _step<ParamGroup>(group => StepGroup(group, scale), closure);
    }

    /// <summary>Zeroes the gradients, as <c>optim.Adam</c> does; a contiguous CPU float32 one by clearing its memory (57 libtorch calls fewer a step in moie).</summary>
    public override void zero_grad()
    {
        foreach (var parameter in parameters())
            if (parameter.grad is { } grad)
            {
                if (IsCpuFloats(grad)) Floats(grad).Clear();
                else grad.zero_();
            }
    }

    /// <summary>min(1, max/(‖g‖ + 10⁻⁶)), ‖g‖ the norm of all the parameters' gradients together (clip_grad_norm_'s factor).</summary>
    private float ClipScale()
    {
        double squares = 0;
        foreach (var parameter in parameters())
            if (parameter.grad is { } grad)
                squares += IsCpuFloats(grad) ? SumOfSquares(Floats(grad)) : grad.detach().square().sum().to_type(ScalarType.Float64).item<double>();
        return (float)Math.Min(1.0, maxGradientNorm / (Math.Sqrt(squares) + 1e-6));
    }

    private void StepGroup(ParamGroup group, float scale)
    {
        var options = (Options)group.Options;
        if (options.weight_decay is not (null or 0) || options.amsgrad == true || options.maximize == true)
            throw new NotSupportedException("FusedAdam runs plain Adam: no weight decay, AMSGrad or maximising (use optim.Adam for those)");
        double beta1 = options.beta1!.Value, beta2 = options.beta2!.Value, epsilon = options.eps!.Value, rate = options.LearningRate!.Value;
        foreach (var parameter in group.Parameters)
        {
            var grad = parameter.grad;
            if (grad is null) continue;
            var state = (State)_state[parameter.Handle];
            state.step += 1;
            double stepSize = rate / (1 - Math.Pow(beta1, state.step)), correction2 = Math.Sqrt(1 - Math.Pow(beta2, state.step));
            if (Fusable(parameter, grad, state))
            {
                Update(Floats(parameter), Floats(grad), Floats(state.exp_avg), Floats(state.exp_avg_sq), (float)beta1, (float)beta2,
                    (float)stepSize, (float)correction2, (float)epsilon, scale);
                continue;
            }
            if (scale != 1) grad = grad * scale;
            state.exp_avg.mul_(beta1).add_(grad, alpha: 1 - beta1);
            state.exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value: 1 - beta2);
            parameter.addcdiv_(state.exp_avg, (state.exp_avg_sq.sqrt() / correction2).add_(epsilon), value: -stepSize);
        }
    }

    /// <summary>Whether the parameter, its gradient and both moments are contiguous CPU float32 tensors of one size.</summary>
    private static bool Fusable(Tensor parameter, Tensor grad, State state) =>
        new[] { parameter, grad, state.exp_avg, state.exp_avg_sq }.All(t =>
            IsCpuFloats(t) && t.numel() == parameter.numel());

    private static bool IsCpuFloats(Tensor t) => IsCpuFloat32(t) && t.is_contiguous();

    // Compiled fully optimised at first call, as FusedSplKernel's loops (why: there).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SumOfSquares(ReadOnlySpan<float> values)
    {
        var sums = Vector256<float>.Zero;
        int end = values.Length - values.Length % 8, i = 0;
        for (; i < end; i += 8)
        {
            var v = Vector256.Create(values.Slice(i, 8));
            sums = Vector256.FusedMultiplyAdd(v, v, sums);
        }
        double total = Vector256.Sum(sums);
        for (; i < values.Length; i++) total += values[i] * values[i];
        return total;
    }

    /// <summary>
    /// g ← scale·g; m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; p ← p − stepSize · m / (√v / √(1 − β₂ᵗ) + ε), eight at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Update(Span<float> p, Span<float> g, Span<float> m, Span<float> v,
        float beta1, float beta2, float stepSize, float correction2, float epsilon, float scale)
    {
        int length = p.Length, end = length - length % 8, i = 0;
        var (b1, b2, keep1, keep2) = (Vector256.Create(beta1), Vector256.Create(beta2), Vector256.Create(1 - beta1), Vector256.Create(1 - beta2));
        var (size, correction, eps) = (Vector256.Create(stepSize), Vector256.Create(correction2), Vector256.Create(epsilon));
        var scaleBy = Vector256.Create(scale);
        ref float pr = ref MemoryMarshal.GetReference(p), gr = ref MemoryMarshal.GetReference(g);
        ref float mr = ref MemoryMarshal.GetReference(m), vr = ref MemoryMarshal.GetReference(v);
        for (; i < end; i += 8)
        {
            var gv = Vector256.LoadUnsafe(ref gr, (nuint)i) * scaleBy;
            var mv = Vector256.LoadUnsafe(ref mr, (nuint)i) * b1 + gv * keep1;
            var vv = Vector256.LoadUnsafe(ref vr, (nuint)i) * b2 + gv * gv * keep2;
            mv.StoreUnsafe(ref mr, (nuint)i);
            vv.StoreUnsafe(ref vr, (nuint)i);
            (Vector256.LoadUnsafe(ref pr, (nuint)i) - size * mv / (Vector256.Sqrt(vv) / correction + eps)).StoreUnsafe(ref pr, (nuint)i);
        }
        for (; i < length; i++)
        {
            float gi = g[i] * scale;
            m[i] = m[i] * beta1 + gi * (1 - beta1);
            v[i] = v[i] * beta2 + gi * gi * (1 - beta2);
            p[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) / correction2 + epsilon);
        }
    }
}
