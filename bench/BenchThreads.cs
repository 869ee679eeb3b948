using LogicNets.Continuous.Torch;
using LogicNets.Tasks.Learning;

namespace LogicNets.Benchmarks;

/// <summary>
/// libtorch's thread count for the torch benchmarks: a run's (<see cref="ModelSettings.DefaultThreads"/>, what
/// <c>train</c>, <c>sweep</c> and <c>bench</c> use without <c>--threads</c>), or LOGICNETS_BENCH_THREADS.
/// </summary>
internal static class BenchThreads
{
    public static int Count =>
        int.TryParse(Environment.GetEnvironmentVariable("LOGICNETS_BENCH_THREADS"), out int threads) ? threads : ModelSettings.DefaultThreads;

    /// <summary>Sets the count for what follows and writes it to the log beside the figures.</summary>
    public static void Apply()
    {
        TorchRuntime.UseThreads(Count);
        Console.WriteLine($"// libtorch threads: {Count}");
    }
}
