// Sweep one learner over sizes and seeds, then ask whether accuracy jumps with size (the architecture can express
// the rule) or creeps like a sigmoid (it cannot). Run: dotnet run --project examples/SweepVerdict
using LogicNets.Diagnostics.PossibilitySpace;
using LogicNets.Harness.Registry;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using LogicNets.Tasks.Metrics;

var task = TaskName.Parse("parity:8:2");
var model = BuiltInModels.Catalog.Get("logic-tree");
var points = new List<(double Size, double Accuracy)>();
foreach (int size in new[] { 1, 2, 4, 8, 16, 32 })
    foreach (int seed in new[] { 1, 2, 3 })
    {
        var data = TaskDataFactory.Create(task, new SplitOptions { TrainFraction = 0.5, Seed = seed });
        using var learner = model.Create(new LearnerRequest(LearnerShape.Of(task), size, new ModelSettings()));
        learner.Fit(data.Train, new FitOptions { Seed = seed });
        double accuracy = BitScore.Of(learner.Predict(data.Test), data.Test).BitAccuracy;
        points.Add((size, accuracy));
        Console.WriteLine($"size {size,3} seed {seed}: test bit accuracy {accuracy:0.000}");
    }

var verdict = VerdictClassifier.Classify(points);
Console.WriteLine($"verdict: {verdict.Name} — {verdict.Reason}");
