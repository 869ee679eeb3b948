using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Torch;

/// <summary>A CPU tensor's storage as a span, for the fused kernels that read and write it in place.</summary>
public static class TensorSpans
{
    /// <summary>Whether the fused kernels can take <paramref name="tensor"/>: a CPU float32 one (made contiguous first where it is not).</summary>
    public static bool IsCpuFloat32(Tensor tensor) => tensor.device_type == DeviceType.CPU && tensor.dtype == ScalarType.Float32;

    /// <summary>The storage of a contiguous CPU float32 tensor (no copy: writes go to the tensor).</summary>
    public static Span<float> Floats(Tensor tensor)
    {
        if (!IsCpuFloat32(tensor) || !tensor.is_contiguous())
            throw new ArgumentException($"a fused kernel reads contiguous CPU float32 tensors, got {tensor.device_type} {tensor.dtype}{(tensor.is_contiguous() ? "" : " (not contiguous)")}");
        return MemoryMarshal.Cast<byte, float>(tensor.bytes);
    }
}
