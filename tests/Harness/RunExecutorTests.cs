using System.Runtime.InteropServices;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using LogicNets.Tests.Support;

namespace LogicNets.Tests.Harness;

public class RunExecutorTests
{
    /// <summary>A learner whose first <paramref name="failures"/> instances throw in Fit; later ones are memorisers.</summary>
    private sealed class FailingLearners(int failures, Func<Exception> error)
    {
        public int Created { get; private set; }

        public ModelCatalog Catalog => new([new ModelDescriptor("flaky", "fails first", "any", LearnerTraits.BitTargets | LearnerTraits.RealTargets, r => ++Created <= failures ? new Throwing(r, error()) : new TestLearner(r))]);

        private sealed class Throwing(LearnerRequest request, Exception error) : ILearner
        {
            public string Model => "flaky";
            public long? ParameterCount => request.Size;
            public long? GateCount => null;
            public FitReport Fit(Dataset train, FitOptions options, IProgress<FitProgress>? progress = null, CancellationToken cancellation = default) => throw error;
            public float[] Predict(Dataset data) => throw new InvalidOperationException("not trained");
            public void Dispose() { }
        }
    }

    private static RunSpec Spec => new() { Task = TaskName.Parse("add:3"), Model = "flaky", Size = 4, TrainFraction = 0.5 };

    private static Exception Native() => new ExternalException("Unknown scalar type.\nException raised from type at /pytorch/c10/core/Scalar.h:339\nframe #0: ...");

    [Fact]
    public void ARunThatFailsOnceInsideLibtorchIsRunAgainAndSaysSo()
    {
        var learners = new FailingLearners(1, Native);
        var outcome = new RunExecutor(learners.Catalog).Execute(Spec);
        var clean = new RunExecutor(TestLearner.Catalog).Execute(Spec with { Model = "memo" });

        Assert.Equal(2, learners.Created);
        Assert.Equal(RunStatus.Ok, outcome.Record.Status);
        Assert.Equal(clean.Record.TestBitAccuracy, outcome.Record.TestBitAccuracy);
        Assert.Equal("retried: the first attempt failed inside libtorch with ExternalException: Unknown scalar type.", outcome.Record.Message);
    }

    [Fact]
    public void ARunThatFailsTwiceInsideLibtorchIsFailedWithTheFirstLineOfTheError()
    {
        var learners = new FailingLearners(2, Native);
        var record = new RunExecutor(learners.Catalog).Execute(Spec).Record;

        Assert.Equal(2, learners.Created);
        Assert.Equal(RunStatus.Failed, record.Status);
        Assert.StartsWith("ExternalException: Unknown scalar type.", record.Message);
        Assert.DoesNotContain("frame #0", record.Message);
    }

    [Fact]
    public void AFailureInThisCodeIsNotRetried()
    {
        var learners = new FailingLearners(1, () => new InvalidOperationException("a bug of ours"));
        var record = new RunExecutor(learners.Catalog).Execute(Spec).Record;

        Assert.Equal(1, learners.Created);
        Assert.Equal(RunStatus.Failed, record.Status);
        Assert.Equal("InvalidOperationException: a bug of ours", record.Message);
    }
}
