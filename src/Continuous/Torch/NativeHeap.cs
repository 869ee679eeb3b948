using System.Runtime.InteropServices;

namespace LogicNets.Continuous.Torch;

/// <summary>
/// Tunes glibc's malloc, which libtorch allocates every CPU tensor with, for a training loop's traffic: hundreds of
/// tensors of a few hundred kilobytes made and freed per step.
/// </summary>
/// <remarks>
/// With glibc's defaults a freed tensor's pages go back to the kernel (heap trimming, and mmap for blocks from 128 KiB)
/// and the next tensor faults them in again, zeroed: measured on moie (width 8, [4 096 × 8] float tensors, one
/// thread), the backward pass took 11–13 ms a step with the defaults against 8–9 ms with these settings, and page faults
/// were a tenth of a perf profile. The cost is address space: up to <see cref="TrimThreshold"/> of freed memory stays
/// with the process.
/// </remarks>
public static class NativeHeap
{
    /// <summary>Extra memory the heap takes whenever it grows, so a step's tensors fit in what it already has.</summary>
    public const int TopPad = 64 << 20;

    /// <summary>Free memory at the top of the heap that is kept rather than returned to the kernel.</summary>
    public const int TrimThreshold = 256 << 20;

    /// <summary>Blocks from this size get their own mapping (glibc's largest allowed threshold; its default is 128 KiB and adapts).</summary>
    public const int MmapThreshold = 32 << 20;

    private const int MTrimThreshold = -1, MTopPad = -2, MMmapThreshold = -3;

    private static readonly Lazy<bool> Applied = new(Apply);

    /// <summary>Whether the settings are in force (false off glibc, where the allocator is not glibc's).</summary>
    public static bool Tuned => Applied.Value;

    /// <summary>Applies the settings once per process; later calls do nothing.</summary>
    public static void Tune() => _ = Applied.Value;

    private static bool Apply()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return mallopt(MTopPad, TopPad) == 1 & mallopt(MTrimThreshold, TrimThreshold) == 1 & mallopt(MMmapThreshold, MmapThreshold) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // a libc without mallopt (musl): its allocator has none of these knobs
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int parameter, int value);
}
