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
/// as libtorch operations. The same algorithm as <c>optim.Adam</c>; the last float bits can differ.
/// </summary>
public sealed class FusedAdam(IEnumerable<Parameter> parameters, double learningRate) : Adam(parameters, learningRate)
{
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
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
                    (float)stepSize, (float)correction2, (float)epsilon);
                continue;
            }
            state.exp_avg.mul_(beta1).add_(grad, alpha: 1 - beta1);
            state.exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value: 1 - beta2);
            parameter.addcdiv_(state.exp_avg, (state.exp_avg_sq.sqrt() / correction2).add_(epsilon), value: -stepSize);
        }
    }, closure);

    /// <summary>Whether the parameter, its gradient and both moments are contiguous CPU float32 tensors of one size.</summary>
    private static bool Fusable(Tensor parameter, Tensor grad, State state) =>
        new[] { parameter, grad, state.exp_avg, state.exp_avg_sq }.All(t =>
            t.device_type == DeviceType.CPU && t.dtype == ScalarType.Float32 && t.is_contiguous() && t.numel() == parameter.numel());

    /// <summary>
    /// m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; p ← p − stepSize · m / (√v / √(1 − β₂ᵗ) + ε), eight at a time.
    /// </summary>
    private static void Update(Span<float> p, Span<float> g, Span<float> m, Span<float> v,
        float beta1, float beta2, float stepSize, float correction2, float epsilon)
    {
        int length = p.Length, end = length - length % 8, i = 0;
        var (b1, b2, keep1, keep2) = (Vector256.Create(beta1), Vector256.Create(beta2), Vector256.Create(1 - beta1), Vector256.Create(1 - beta2));
        var (size, correction, eps) = (Vector256.Create(stepSize), Vector256.Create(correction2), Vector256.Create(epsilon));
        ref float pr = ref MemoryMarshal.GetReference(p), gr = ref MemoryMarshal.GetReference(g);
        ref float mr = ref MemoryMarshal.GetReference(m), vr = ref MemoryMarshal.GetReference(v);
        for (; i < end; i += 8)
        {
            var gv = Vector256.LoadUnsafe(ref gr, (nuint)i);
            var mv = Vector256.LoadUnsafe(ref mr, (nuint)i) * b1 + gv * keep1;
            var vv = Vector256.LoadUnsafe(ref vr, (nuint)i) * b2 + gv * gv * keep2;
            mv.StoreUnsafe(ref mr, (nuint)i);
            vv.StoreUnsafe(ref vr, (nuint)i);
            (Vector256.LoadUnsafe(ref pr, (nuint)i) - size * mv / (Vector256.Sqrt(vv) / correction + eps)).StoreUnsafe(ref pr, (nuint)i);
        }
        for (; i < length; i++)
        {
            m[i] = m[i] * beta1 + g[i] * (1 - beta1);
            v[i] = v[i] * beta2 + g[i] * g[i] * (1 - beta2);
            p[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) / correction2 + epsilon);
        }
    }
}
