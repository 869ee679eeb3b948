using LogicNets.Harness.Registry;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Digital;

/// <summary>Gate learners stop when their hard circuit fits the training rows; the row says when and why.</summary>
public class StopWhenSolvedTests
{
    private static RunRecord Run(int? patience, int? epochs = null, int? restarts = null) => new RunExecutor(BuiltInModels.Catalog).Execute(new RunSpec
    {
        Task = TaskName.Parse("parity:6:2"), Model = "gates-wired", Size = 8, Seed = 1, TrainFraction = 1, Epochs = epochs,
        Patience = patience, Restarts = restarts, Settings = new ModelSettings { Depth = 2 },
    }).Record;

    [Fact]
    public void AGateNetThatFitsTheTableStopsThereAndSaysSo()
    {
        var planned = MinibatchLoop.DefaultEpochs(64, ModelSettings.DefaultBatchSize);
        var record = Run(patience: null);
        Assert.Equal(1.0, record.TestExact);
        Assert.True(record.Epochs < planned / 4, $"{record.Epochs} of {planned} epochs");
        Assert.Contains("the model fits the training rows", record.Message);
        Assert.Null(record.Patience);
        Assert.Null(record.Starts);
    }

    [Fact]
    public void PatienceZeroTrainsEveryPlannedEpochAndIsPartOfTheRunsIdentity()
    {
        var record = Run(patience: 0, epochs: 12);
        Assert.Equal(12, record.Epochs);
        Assert.Null(record.Message);
        Assert.Equal(0, record.Patience);
        Assert.NotEqual(Run(patience: null, epochs: 12).Config, record.Config);

        var restarted = Run(patience: null, restarts: 2);
        Assert.Equal("2", restarted.Restarts);
        Assert.Equal(1, restarted.Starts); // the first start fits: no restart is drawn
        var spec = RunSpec.FromRecord(restarted);
        Assert.Equal(2, spec.Restarts);
        Assert.Equal(restarted.Key, spec.Key);
        Assert.Equal(FitOptions.AutoRestarts, RunSpec.FromRecord(new RunRecord { Task = "add:2", Model = "gates", Restarts = "auto" }).Restarts);
    }
}
