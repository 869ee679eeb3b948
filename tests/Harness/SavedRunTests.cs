using LogicNets.Harness.Registry;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Harness;

/// <summary>Every learner reloads from its run folder and predicts exactly what it predicted when the run scored it.</summary>
public sealed class SavedRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("logicnets-saved-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // The named learners and a distilled one (a family of names the catalog resolves).
    public static TheoryData<string> Models => [.. BuiltInModels.Catalog.All.Select(m => m.Name), "distill:mlp>logic-chain"];

    [Theory]
    [MemberData(nameof(Models))]
    public void AReloadedRunPredictsAsTheRunDid(string model)
    {
        var descriptor = BuiltInModels.Catalog.Get(model);
        // A bit task with a carry-in (gates-serial reads two operands), a settings change (depth) and a non-default encoding
        // where the learner takes one, so the reload has to take them from run.csv.
        string task = descriptor.Learns(TargetKind.Bits) ? "add:3:carry" : "product";
        var spec = new RunSpec
        {
            Task = TaskName.Parse(task), Model = model, Size = 4, Seed = 2, TrainFraction = 0.5, Epochs = 2,
            Encoding = descriptor.Has(LearnerTraits.Circuit) ? LogicNets.Tasks.Data.InputEncoding.ZeroOne : LogicNets.Tasks.Data.InputEncoding.PlusMinusOne,
            Settings = new ModelSettings { Depth = model == "logic-tree" ? null : 2 },
        };
        var outcome = new RunExecutor(BuiltInModels.Catalog).Execute(spec);
        using var learner = outcome.Learner;
        Assert.True(outcome.Record.IsScored, outcome.Record.Message);
        string folder = Path.Combine(_dir, model);
        new RunFolder(folder).Write(outcome.Record, learner);
        var expected = learner.Predict(outcome.Data.Test);

        using var saved = SavedRun.Load(folder, BuiltInModels.Catalog);
        Assert.Equal(spec.Key, saved.Spec.Key);
        Assert.Equal(expected, saved.Learner.Predict(outcome.Data.Test));
    }
}
