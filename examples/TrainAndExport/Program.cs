// Train a logic-gate network on a truth table and export the exact circuit it ends as.
// Run: dotnet run --project examples/TrainAndExport -- [output folder]
using LogicNets.Digital.Export;
using LogicNets.Digital.Learners;
using LogicNets.Harness.Registry;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using LogicNets.Tasks.Metrics;

string folder = args.Length > 0 ? args[0] : "example-circuit";
var task = TaskName.Parse("parity:10:3"); // XOR of 3 hidden bits among 10 inputs; `logicnets tasks parity:10:3` names them
var data = TaskDataFactory.Create(task, new SplitOptions { TrainFraction = 1, Seed = 1 }); // the whole table
var request = new LearnerRequest(LearnerShape.Of(task), Size: 16, new ModelSettings { Depth = 2 });

using var learner = (CircuitLearner)BuiltInModels.Catalog.Get("gates-wired").Create(request);
var report = learner.Fit(data.Train, new FitOptions { Seed = 1 });
var score = BitScore.Of(learner.Predict(data.Train), data.Train);
Console.WriteLine($"{report.Status}: bit accuracy {score.BitAccuracy:0.000}, exact-match {score.ExactMatch:0.000}, " +
                  $"{learner.Circuit!.LogicGateCount} gates");

Directory.CreateDirectory(folder);
foreach (string format in new[] { "verilog", "blif", "json" })
    foreach (var (extension, content) in CircuitExports.Get(format).Write(learner.Circuit, "parity_circuit", "parity_circuit"))
    {
        string path = Path.Combine(folder, "parity_circuit" + extension);
        File.WriteAllBytes(path, content);
        Console.WriteLine($"wrote {path}");
    }
return score.ExactMatch == 1 ? 0 : 1;
