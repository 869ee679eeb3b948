using LogicNets.Tasks;
using LogicNets.Continuous.Mlp;
using LogicNets.Harness.Registry;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using TorchSharp;

namespace LogicNets.Tests.Continuous;

public class MlpTests
{
    [Fact]
    public void TorchSharpLoadsAndBackPropagatesInThisProcess()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 1, -2, 3 }, requires_grad: true);
        (x * x).sum().backward();
        Assert.Equal(new float[] { 2, -4, 6 }, x.grad!.data<float>().ToArray());
    }

    [Fact]
    public void LearnsTheFullAdd2TableExactly()
    {
        var record = new RunExecutor(BuiltInModels.Catalog).Execute(
            new RunSpec { Task = TaskName.Parse("add:2"), Model = "mlp", Size = 32, Seed = 1, TrainFraction = 1 }).Record;
        Assert.Equal(RunStatus.Ok, record.Status);
        Assert.Equal(1.0, record.TrainBitAccuracy);
        Assert.Equal(1.0, record.TestBitAccuracy);
        Assert.Equal(1.0, record.TestExact);
    }

    [Fact]
    public void SameSeedSameNumbers()
    {
        var executor = new RunExecutor(BuiltInModels.Catalog);
        var spec = new RunSpec { Task = TaskName.Parse("parity:6:2"), Model = "mlp", Size = 16, Seed = 7, TrainFraction = 0.5, Epochs = 30 };
        var first = executor.Execute(spec);
        var second = executor.Execute(spec);
        Assert.Equal(first.Record.TestBitAccuracy, second.Record.TestBitAccuracy);
        Assert.Equal(first.Record.TrainBitAccuracy, second.Record.TrainBitAccuracy);
        first.Learner.Dispose();
        second.Learner.Dispose();
    }

    [Fact]
    public void ParameterCountMatchesTheNetwork()
    {
        var request = new LearnerRequest(new LearnerShape(8, 5, TargetKind.Bits), 64, new ModelSettings { Depth = 3 });
        using var learner = new MlpLearner(request);
        var data = LogicNets.Tasks.Data.TaskDataFactory.Create(TaskName.Parse("add:4"), new() { TrainFraction = 1 });
        learner.Fit(data.Train, new FitOptions { Epochs = 1 });
        Assert.Equal(8 * 64 + 64 + 2 * (64 * 64 + 64) + 64 * 5 + 5, learner.ParameterCount);
    }

    [Fact]
    public void DivergenceIsAStatusNotAResult()
    {
        // An absurd learning rate on a regression task drives the loss to infinity.
        var record = new RunExecutor(BuiltInModels.Catalog).Execute(new RunSpec
        {
            Task = TaskName.Parse("product:-2,2:-6,6"), Model = "mlp", Size = 64, Seed = 1, Epochs = 20,
            Settings = new ModelSettings { LearningRate = 1e12 },
        }).Record;
        Assert.Equal(RunStatus.Diverged, record.Status);
        Assert.Null(record.Mse);
        Assert.Null(record.Solved);
    }

    [Fact]
    public void CudaRequestWithoutCudaFailsClearly()
    {
        if (torch.cuda.is_available()) return; // this check is about machines without a GPU
        var error = Assert.Throws<UserInputException>(() =>
            new MlpLearner(new LearnerRequest(new LearnerShape(2, 1, TargetKind.Real), 8, new ModelSettings { Device = "cuda" })));
        Assert.Contains("--device cpu", error.Message);
    }
}
