using System.CommandLine;
using System.Runtime.InteropServices;
using LogicNets.Continuous.Torch;
using LogicNets.Digital.Evaluation;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets doctor</c>: what runtime, torch build, torch devices and ILGPU accelerators this machine has.</summary>
public static class DoctorCommand
{
    public static Command Create(CliConsole console) =>
        CommandBody.Listing("doctor", "print TorchSharp/libtorch versions, torch devices and ILGPU accelerators", console, Print);

    private static void Print(TextWriter output)
    {
        output.WriteLine($".NET            {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture}), {Environment.ProcessorCount} cores");
        TorchRuntime.EnsureLoaded();
        output.WriteLine($"TorchSharp      {TorchRuntime.TorchSharpVersion}");
        output.WriteLine($"libtorch        {TorchRuntime.LibTorchVersion} ({TorchRuntime.LibTorchFlavour})");
        output.WriteLine($"torch devices   {string.Join(", ", TorchRuntime.Devices())}");
        output.WriteLine($"ILGPU devices   {string.Join("; ", AcceleratorInventory.Describe())}");
    }
}
