using LogicNets.Tasks;
using TorchSharp;

namespace LogicNets.Continuous.Torch;

/// <summary>Maps the <c>--device</c> option to a torch device, failing clearly when CUDA is asked for but absent.</summary>
public static class TorchDevice
{
    public const string ValidForms = "cpu, cuda, cuda:N";

    public static torch.Device Resolve(string name)
    {
        string device = name.Trim().ToLowerInvariant();
        if (device == "cpu") return torch.CPU;
        if (device == "cuda" || device.StartsWith("cuda:"))
        {
            if (!torch.cuda.is_available())
                throw new UserInputException(
                    $"device '{name}' requested but libtorch sees no CUDA device (this build links {TorchRuntime.LibTorchFlavour}); " +
                    "build with a CUDA libtorch package as the README shows, or use --device cpu");
            return torch.device(device);
        }
        throw new UserInputException($"unknown device '{name}'; valid: {ValidForms}");
    }
}
