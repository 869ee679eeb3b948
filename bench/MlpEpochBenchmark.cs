using BenchmarkDotNet.Attributes;
using LogicNets.Continuous.Mlp;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Benchmarks;

/// <summary>
/// One training epoch of <c>mlp</c> on add:8 (32768 rows, batch 256 → 128 Adam steps, forward + backward).
/// samples/s = 32768 / mean. Width 64 is the reference the other widths are compared with.
/// </summary>
[MemoryDiagnoser]
public class MlpEpochBenchmark
{
    private Dataset _train = null!;
    private MlpLearner _learner = null!;

    [Params(64, 256)]
    public int Width { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var task = TaskName.Parse("add:8");
        _train = TaskDataFactory.Create(task, new SplitOptions { Seed = 1, TrainFraction = 0.5 }).Train;
        _learner = new MlpLearner(new LearnerRequest(LearnerShape.Of(task), Width, new ModelSettings()));
    }

    [Benchmark(Description = "mlp epoch (add:8, 32768 rows)")]
    public FitReport Epoch() => _learner.Fit(_train, new FitOptions { Epochs = 1 });

    [GlobalCleanup]
    public void Cleanup() => _learner.Dispose();
}
