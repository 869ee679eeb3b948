using BenchmarkDotNet.Attributes;
using LogicNets.Harness.Registry;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Benchmarks;

/// <summary>
/// One epoch of the continuous learners at the sizes issue #17 and docs/evaluations compare them at — about the same
/// number of parameters (≈ 5 k on add:8: mlp 58 → 4 939, spl 33 → 5 223, moie 8 → 5 257) — on the rows of
/// <see cref="LearnerTrainingBenchmark"/>. <see cref="LearnerTrainingBenchmark"/> compares equal widths instead.
/// The setup prints each learner's parameter count, so a change of a default that breaks the match shows in the log.
/// </summary>
// Min and median beside the mean: on a shared VM slow bursts raise the mean; the minimum is the uncontended cost.
[MinColumn, MedianColumn]
public class MatchedParameterTrainingBenchmark
{
    private Dataset _train = null!;
    private LearningTask _task = null!;

    /// <summary>
    /// The three learners at their defaults (moie's runs its fused kernels on CPU, spl's libtorch), and each of spl and
    /// moie with the other kernel.
    /// </summary>
    public static IEnumerable<LearnerAtSize> Learners { get; } =
        [new("mlp", 58), new("spl", 33), new("moie", 8), new("spl", 33, "kernel=fused"), new("moie", 8, "kernel=libtorch")];

    [ParamsSource(nameof(Learners))]
    public LearnerAtSize Learner { get; set; } = new("mlp", 58);

    [GlobalSetup]
    public void Setup()
    {
        BenchThreads.Apply();
        (_task, _train) = LearnerTrainingBenchmark.Rows4096();
        using var learner = BuiltInModels.Catalog.Get(Learner.Model).Create(new LearnerRequest(LearnerShape.Of(_task), Learner.Size, Learner.Settings));
        LearnerTrainingBenchmark.FitOneEpoch(learner, _train);
        Console.WriteLine($"// {Learner}: {learner.ParameterCount} parameters on add:8");
    }

    [Benchmark(Description = "one epoch, 4096 rows of add:8, ≈ 5 k parameters")]
    public FitReport Epoch() => LearnerTrainingBenchmark.Epoch(_task, _train, Learner.Model, Learner.Size, Learner.Settings);
}

/// <summary>A learner, the size it runs at and its <c>--set</c> options; prints as model@size[ options] in the benchmark's table.</summary>
public sealed record LearnerAtSize(string Model, int Size, string Options = "")
{
    public ModelSettings Settings => new() { Options = Options };

    public override string ToString() => Options.Length == 0 ? $"{Model}@{Size}" : $"{Model}@{Size} {Options}";
}
