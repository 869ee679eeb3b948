using LogicNets.Harness.Registry;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Tasks;

public class StepCapTests
{
    [Theory]
    // rows, batch, cap, expected epochs: 1 step per epoch → the cap itself; 128 steps per epoch → ceil(cap / 128).
    [InlineData(128, 256, 500, 500)]
    [InlineData(32768, 256, 500, 4)]
    [InlineData(32768, 256, null, 32)]
    [InlineData(128, 256, 9000, 2000)] // a cap above the learner's budget changes nothing
    public void CapLowersTheDefaultEpochCount(int rows, int batch, int? cap, int expected)
    {
        Assert.Equal(expected, MinibatchLoop.EpochsFor(new FitOptions { StepCap = cap }, rows, batch));
    }

    [Fact]
    public void ExplicitEpochsWinOverTheCap()
    {
        Assert.Equal(7, MinibatchLoop.EpochsFor(new FitOptions { Epochs = 7, StepCap = 3 }, 128, 256));
    }

    [Fact]
    public void SuiteRunsHonourTheCap()
    {
        // add:4 at fraction 0.5: 128 training rows, one step per epoch, so the epoch count shows the step count.
        var outcome = new RunExecutor(BuiltInModels.Catalog).Execute(
            new RunSpec { Task = TaskName.Parse("add:4"), Model = "mlp", Size = 8, TrainFraction = 0.5, StepCap = 40 });
        outcome.Learner.Dispose();
        Assert.Equal(RunStatus.Ok, outcome.Record.Status);
        Assert.Equal(40, outcome.Record.Epochs);
    }
}
