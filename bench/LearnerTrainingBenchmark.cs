using BenchmarkDotNet.Attributes;
using LogicNets.Harness.Registry;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Benchmarks;

/// <summary>
/// One epoch of every registered learner on the same 4096 rows of add:8 (batch 256 → 16 optimizer steps for the
/// minibatch learners; a whole tree for <c>logic-tree</c>; <c>gates-serial</c> runs its minimum of one epoch per
/// curriculum stage, 9 here). Includes building the network, as a suite run does, at a run's libtorch thread count
/// (<see cref="BenchThreads"/>). <c>mlp</c> is the reference.
/// </summary>
// Min and median beside the mean: on a shared VM slow bursts raise the mean; the minimum is the uncontended cost.
[MinColumn, MedianColumn]
public class LearnerTrainingBenchmark
{
    public const int Rows = 4096;

    private Dataset _train = null!;
    private LearningTask _task = null!;

    /// <summary>Every registered learner, or those named in LOGICNETS_BENCH_MODELS (comma-separated) to time a few.</summary>
    public static IEnumerable<string> Models =>
        Environment.GetEnvironmentVariable("LOGICNETS_BENCH_MODELS") is { Length: > 0 } names
            ? names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => BuiltInModels.Catalog.Get(name).Name)
            : BuiltInModels.Catalog.All.Select(model => model.Name);

    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "mlp";

    [Params(16, 64)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        BenchThreads.Apply();
        (_task, _train) = Rows4096();
    }

    [Benchmark(Description = "one epoch, 4096 rows of add:8")]
    public FitReport Epoch() => Epoch(_task, _train, Model, Size);

    /// <summary>add:8 and the 4 096 training rows every epoch here runs on (split seed 1).</summary>
    internal static (LearningTask Task, Dataset Train) Rows4096()
    {
        var task = TaskName.Parse("add:8");
        return (task, TaskDataFactory.Create(task, new SplitOptions { Seed = 1, TrainFraction = Rows / 65536.0 }).Train);
    }

    /// <summary>Builds <paramref name="model"/> at <paramref name="size"/> and fits one epoch, as a suite run does.</summary>
    internal static FitReport Epoch(LearningTask task, Dataset train, string model, int size, ModelSettings? settings = null)
    {
        using var learner = BuiltInModels.Catalog.Get(model).Create(new LearnerRequest(LearnerShape.Of(task), size, settings ?? new ModelSettings()));
        return FitOneEpoch(learner, train);
    }

    /// <summary>One epoch from seed 1 and one start: gates-serial restarts by default, and a step's cost is what this measures.</summary>
    internal static FitReport FitOneEpoch(ILearner learner, Dataset train) =>
        learner.Fit(train, new FitOptions { Seed = 1, Epochs = 1, Restarts = 0 });
}
