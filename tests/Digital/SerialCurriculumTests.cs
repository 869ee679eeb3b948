using LogicNets.Digital.Learners;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Digital;

/// <summary>
/// The output-prefix curriculum (gates-serial, gates-conv): it gives up a start whose circuit cannot fit a short prefix,
/// but only when another start follows, and it keeps to a suite's step cap.
/// </summary>
public class SerialCurriculumTests
{
    // One state bit cannot carry both a0 and b0 to position 1, so no cell fits mul:2's first two output bits:
    // every start that has a successor is given up after length 2.
    private static FitReport FitMul2(int? restarts)
    {
        var task = TaskName.Parse("mul:2");
        var data = TaskDataFactory.Create(task, new SplitOptions { Seed = 1, TrainFraction = 1 });
        using var learner = new SerialGateLearner(new LearnerRequest(LearnerShape.Of(task), 4, new ModelSettings { Depth = 1 }));
        return learner.Fit(data.Train, new FitOptions { Seed = 1, Epochs = 40, Restarts = restarts });
    }

    [Theory]
    [InlineData(32768, 256)] // add:8 at f 0.5: the usual batch
    [InlineData(256, 32)] // the full add:4 table: 8 steps an epoch
    [InlineData(16, 16)] // never below 16 rows
    public void SmallTablesGetAtLeastEightStepsAnEpoch(int rows, int batch) => Assert.Equal(batch, SerialGateLearner.DefaultBatch(rows));

    [Fact]
    public void AStartThatCannotFitAPrefixIsGivenUpOnlyWhenAnotherStartFollows()
    {
        var alone = FitMul2(restarts: 0);
        Assert.Null(alone.Starts);
        Assert.DoesNotContain("given up", alone.Message ?? "");
        Assert.False(alone.GivenUp);

        var restarted = FitMul2(restarts: 2);
        Assert.Equal(3, restarted.Starts);
        Assert.Contains("3 start(s), 2 given up early", restarted.Message);
    }

    /// <summary>
    /// add:8 at f 0.5 has 128 steps an epoch and 9 output lengths: one epoch each was 1 664 steps for gates-serial
    /// under the full suite's cap of 250 (and 1 536 for gates-conv). Slices of the rows keep a fit within the cap.
    /// </summary>
    [Theory]
    [InlineData("gates-serial")]
    [InlineData("gates-conv")]
    public void UnderAStepCapTheCurriculumTrainsAtMostTheCap(string model)
    {
        var task = TaskName.Parse("add:8");
        var data = TaskDataFactory.Create(task, new SplitOptions { Seed = 1, TrainFraction = 0.5 });
        var request = new LearnerRequest(LearnerShape.Of(task), 2, new ModelSettings { Depth = model == "gates-conv" ? 4 : 1 });
        using ILearner learner = model == "gates-conv" ? new ConvGateLearner(request) : new SerialGateLearner(request);
        var report = learner.Fit(data.Train, new FitOptions { Seed = 1, StepCap = 250 });
        Assert.Equal(RunStatus.Ok, report.Status);
        Assert.Null(report.Starts); // no restarts under a cap
        Assert.InRange(report.SamplesSeen, 100 * 256, 250 * 256);
    }
}
