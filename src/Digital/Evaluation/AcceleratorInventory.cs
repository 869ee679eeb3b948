using ILGPU;

namespace LogicNets.Digital.Evaluation;

/// <summary>The ILGPU accelerators this machine offers (CPU always; CUDA/OpenCL when drivers are present).</summary>
public static class AcceleratorInventory
{
    public static IReadOnlyList<string> Describe()
    {
        using var context = Context.CreateDefault();
        return context.Devices.Select(d => $"{d.AcceleratorType}: {d.Name}").ToArray();
    }
}
