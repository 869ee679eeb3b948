using System.Runtime.InteropServices;

namespace LogicNets.Continuous.Torch;

/// <summary>
/// glibc's malloc told to keep the memory libtorch frees (process-wide): a training step allocates and frees the same
/// few-hundred-kilobyte tensors every time, and by default glibc hands large blocks back to the kernel and maps them
/// again — fresh, zeroed pages for every step's tensors.
/// </summary>
/// <remarks>
/// Measured (BENCHMARKS.md): moie's fused fits faster in every round of a scratch comparison (139–194 against 151–286
/// ms), 137 against 200 ms in one pair of benchmark runs; mlp's and spl's libtorch epochs unchanged, but spl's fused
/// one slower (14.7 → 20.8 ms) — so only moie's fused fits ask for it.
/// Where the C library has no <c>mallopt</c> (not glibc) nothing changes.
/// </remarks>
public static class NativeHeap
{
    private const int TrimThreshold = -1, MmapThreshold = -3;

    private static bool _kept;

    /// <summary>Keeps up to 256 MiB of freed memory at the heap's top and serves blocks below 32 MiB (glibc's largest threshold) from the heap.</summary>
    public static void KeepFreedMemory()
    {
        if (_kept || !OperatingSystem.IsLinux()) return;
        _kept = true;
        try
        {
            Mallopt(TrimThreshold, 256 << 20);
            Mallopt(MmapThreshold, 32 << 20);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc: its allocator keeps its own policy; the runs are the same, only their speed may differ.
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);
}
