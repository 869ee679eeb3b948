using LogicNets.Tasks;
using LogicNets.Diagnostics.Inspection;
using LogicNets.Digital.Learners;
using LogicNets.Harness.Registry;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Registry;

/// <summary>Every list of learners in help and errors is built from descriptor traits: they must say what the learners do.</summary>
public class LearnerTraitsTests
{
    // The named learners and distilled ones (a family of names the catalog resolves), one with a group-sum student.
    public static TheoryData<string> Models => [.. BuiltInModels.Catalog.All.Select(m => m.Name), "distill:mlp>logic-chain", "distill:mlp>gates-wired"];

    [Theory]
    [MemberData(nameof(Models))]
    public void EachBuiltInLearnerHasExactlyTheTraitsItShows(string model)
    {
        var descriptor = BuiltInModels.Catalog.Get(model);
        Assert.Equal(descriptor.Has(LearnerTraits.RealTargets), Builds(descriptor, new ProductTask()));
        Assert.Equal(descriptor.Has(LearnerTraits.BitTargets), Builds(descriptor, TaskName.Parse("add:2")));

        using var learner = Fitted(descriptor, new ModelSettings());
        Assert.Equal(model, learner.Model);
        Assert.True(learner.ParameterCount > 0, $"{model}: {learner.ParameterCount} parameters after a fit");
        using (var grouped = Fitted(descriptor, new ModelSettings { OutputGroup = 3 }))
            Assert.Equal(descriptor.Has(LearnerTraits.GroupSumHead), grouped.ParameterCount != learner.ParameterCount);

        Assert.Equal(descriptor.Has(LearnerTraits.Circuit), learner is CircuitLearner { Circuit: not null });
        Assert.Equal(descriptor.Has(LearnerTraits.Circuit), learner.GateCount is not null);
        Assert.Equal(descriptor.Has(LearnerTraits.LayerTelemetry), learner is ILayerTelemetry { LayerStats.Count: > 0 });
        Assert.Equal(descriptor.Has(LearnerTraits.InspectableLayers), Inspectable(learner));
    }

    private static ILearner Fitted(ModelDescriptor descriptor, ModelSettings settings)
    {
        var task = TaskName.Parse("add:2");
        var learner = descriptor.Create(new LearnerRequest(LearnerShape.Of(task), 4, settings));
        Assert.Null(learner.ParameterCount); // nothing is built before a fit
        var data = TaskDataFactory.Create(task, new SplitOptions { TrainFraction = 1 });
        Assert.Equal(RunStatus.Ok, learner.Fit(data.Train, new FitOptions { Epochs = 3 }).Status);
        return learner;
    }

    private static bool Builds(ModelDescriptor descriptor, LearningTask task)
    {
        try
        {
            descriptor.Create(new LearnerRequest(LearnerShape.Of(task), 4, new ModelSettings())).Dispose();
            return true;
        }
        catch (UserInputException)
        {
            return false;
        }
    }

    private static bool Inspectable(ILearner learner)
    {
        try
        {
            return LayerStack.Of(learner).Count > 0;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }
}
