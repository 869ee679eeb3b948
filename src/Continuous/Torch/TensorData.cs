using LogicNets.Tasks.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Torch;

/// <summary>Moves a dataset onto a torch device, encoding bit inputs as the run asks.</summary>
public static class TensorData
{
    public static Tensor Inputs(Dataset data, InputEncoding encoding, Device device) =>
        tensor(data.Kind == LogicNets.Tasks.Definitions.TargetKind.Bits ? encoding.Encode(data.Inputs) : data.Inputs, [data.Rows, data.InputWidth], dtype: ScalarType.Float32, device: device);

    public static Tensor Targets(Dataset data, Device device) =>
        tensor(data.Targets, [data.Rows, data.OutputWidth], dtype: ScalarType.Float32, device: device);
}
