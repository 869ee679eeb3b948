using LogicNets.Harness.Registry;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Continuous;

public class ProductTests
{
    private static RunRecord Run(string model, int size, int seed = 1) =>
        new RunExecutor(BuiltInModels.Catalog).Execute(
            new RunSpec { Task = TaskName.Parse("product"), Model = model, Size = size, Seed = seed }).Record;

    [Fact]
    public void OuterProductExtrapolatesTheProductWithAHandfulOfWeights()
    {
        foreach (int seed in new[] { 1, 2 })
        {
            var record = Run("product", 2, seed);
            Assert.Equal(RunStatus.Ok, record.Status);
            Assert.True(record.Params <= 8, $"{record.Params} parameters");
            Assert.True(record.Mse < 1e-8, $"seed {seed}: test MSE {record.Mse} on U[2,6]");
        }
    }

    [Fact]
    public void MlpWithTenThousandWeightsDoesNotExtrapolate()
    {
        var record = Run("mlp", 98);
        Assert.Equal(RunStatus.Ok, record.Status);
        Assert.InRange(record.Params!.Value, 10_000, 10_200);
        Assert.True(record.Mse > 1e-4, $"mlp test MSE {record.Mse}");
    }
}
