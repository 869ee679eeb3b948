using System.CommandLine;
using System.Runtime.InteropServices;
using LogicNets.Continuous.Torch;
using LogicNets.Digital.Evaluation;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets doctor</c>: what runtime, torch build, torch devices and ILGPU accelerators this machine has.</summary>
public static class DoctorCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("doctor", "print TorchSharp/libtorch versions, torch devices and ILGPU accelerators");
        CommandBody.Attach(command, console, (_, _) =>
        {
            console.Out.WriteLine($".NET            {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture}), {Environment.ProcessorCount} cores");
            TorchRuntime.EnsureLoaded();
            console.Out.WriteLine($"TorchSharp      {TorchRuntime.TorchSharpVersion}");
            console.Out.WriteLine($"libtorch        {TorchRuntime.LibTorchVersion} ({TorchRuntime.LibTorchFlavour})");
            console.Out.WriteLine($"torch devices   {string.Join(", ", TorchRuntime.Devices())}");
            console.Out.WriteLine($"ILGPU devices   {string.Join("; ", AcceleratorInventory.Describe())}");
            return ExitCodes.Success;
        });
        return command;
    }
}
