using System.Reflection;
using TorchSharp;

namespace LogicNets.Continuous.Torch;

/// <summary>What the loaded TorchSharp/libtorch is and which devices it sees (for <c>logicnets doctor</c>).</summary>
public static class TorchRuntime
{
    public static string TorchSharpVersion =>
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static string LibTorchVersion => torch.__version__;

    public static string LibTorchFlavour => torch.cuda.is_available() ? "a CUDA libtorch" : "the CPU libtorch";

    /// <summary>Sets libtorch's intra-op thread count for the runs that follow (process-wide).</summary>
    public static void UseThreads(int threads)
    {
        if (torch.get_num_threads() != threads) torch.set_num_threads(threads);
    }

    public static IReadOnlyList<string> Devices()
    {
        var devices = new List<string> { $"cpu ({torch.get_num_threads()} threads)" };
        if (torch.cuda.is_available())
            for (int i = 0; i < torch.cuda.device_count(); i++) devices.Add($"cuda:{i}");
        return devices;
    }

    /// <summary>Loads the native library and runs one backward pass; throws with an actionable message when it cannot.</summary>
    public static void EnsureLoaded()
    {
        try
        {
            using var scope = torch.NewDisposeScope();
            var x = torch.ones(2, 2, requires_grad: true);
            (x * x).sum().backward();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or NotSupportedException)
        {
            throw new InvalidOperationException(
                "TorchSharp's native library failed to load. On Debian 12 / Ubuntu 22.04 the build marks GLIBCXX_3.4.32 weak in " +
                "the output copy of libLibTorchSharp.so (build/TorchSharpGlibcxx.targets); rebuild, and check `logicnets doctor`. Cause: " +
                (e.InnerException?.Message ?? e.Message), e);
        }
    }
}
