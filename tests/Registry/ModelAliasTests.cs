using LogicNets.Harness.Registry;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Registry;

public class ModelAliasTests
{
    [Fact]
    public void TheFormerNameOfParammoResolvesToIt()
    {
        Assert.Equal("mlp-parammo", BuiltInModels.Catalog.Get("mlp-gramo").Name);
        Assert.Equal("mlp-parammo", BuiltInModels.Catalog.Get(" MLP-GRAMO ").Name);
        Assert.Contains("mlp-parammo", BuiltInModels.Catalog.Names);
        Assert.DoesNotContain("mlp-gramo", BuiltInModels.Catalog.Names);
        Assert.Equal(["mlp-gramo"], ModelAliases.FormerNamesOf("mlp-parammo"));
        Assert.Equal("mlp", ModelAliases.Canonical("mlp"));
    }

    [Fact]
    public void AnOldRunFileReadsWithTheCurrentNameAndTheSameIdentity()
    {
        string dir = Path.Combine(Path.GetTempPath(), "logicnets-alias-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var row = new RunRecord { Task = "add:4", Model = "mlp-parammo", Size = 8, Seed = 1, TrainFraction = 0.5, Status = RunStatus.Ok, Config = "abc" };
            string file = Path.Combine(dir, "runs.csv");
            RunCsv.Write(file, [row]);
            File.WriteAllText(file, File.ReadAllText(file).Replace("mlp-parammo", "mlp-gramo")); // as an older LogicNets wrote it
            Assert.Contains("mlp-gramo", File.ReadAllText(file));
            var read = Assert.Single(RunCsv.Read(file));
            Assert.Equal("mlp-parammo", read.Model);
            Assert.Equal(row.Key, read.Key);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
