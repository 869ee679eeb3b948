using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Torch;

/// <summary>A CPU tensor's storage as a span, for the fused kernels that read and write it in place.</summary>
public static class TensorSpans
{
    /// <summary>The storage of a contiguous CPU float32 tensor (no copy: writes go to the tensor).</summary>
    public static Span<float> Floats(Tensor tensor)
    {
        if (tensor.device_type != DeviceType.CPU || tensor.dtype != ScalarType.Float32 || !tensor.is_contiguous())
            throw new ArgumentException($"a fused kernel reads contiguous CPU float32 tensors, got {tensor.device_type} {tensor.dtype}{(tensor.is_contiguous() ? "" : " (not contiguous)")}");
        return MemoryMarshal.Cast<byte, float>(tensor.bytes);
    }
}
