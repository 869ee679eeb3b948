using System.CommandLine;
using System.Globalization;
using LogicNets.Cli.Progress;
using LogicNets.Continuous.Torch;
using LogicNets.Diagnostics.Diagnosis;
using LogicNets.Diagnostics.Harness;
using LogicNets.Diagnostics.Inspection;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using LogicNets.Tasks.Results;
using static TorchSharp.torch;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets diagnose</c>: train one learner, then tabulate and draw vanishing, rank and gradient profile per layer.</summary>
public static class DiagnoseCommand
{
    private const int InspectedRows = 1024;

    public static Command Create(CliConsole console)
    {
        var task = new Option<string>("--task") { Description = "task name, e.g. add:8", Required = true };
        var model = new Option<string>("--model") { Description = "a TorchSharp learner: mlp, mlp-gramo, product or spl", Required = true };
        var size = new Option<int>("--size") { Description = "the model's size knob", DefaultValueFactory = _ => 64 };
        var seed = new Option<int>("--seed") { Description = "seed of split, initialisation and shuffling", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "output folder for layers.csv, run.csv and the PNGs", Required = true };
        var probe = new Option<bool>("--low-rank-probe") { Description = "also fit W ≈ A·B for r = 1…n by gradient descent and report where the error stops falling (slow for wide layers)" };
        var untrained = new Option<bool>("--untrained") { Description = "inspect the freshly initialised network instead of training it first" };
        var training = new TrainingOptionSet();
        var command = new Command("diagnose", "why a learner fails: per-layer information vanishing, rank capacity and gradient profile (plain vs protected), as CSV and PNGs")
            { task, model, size, seed, output, probe, untrained };
        training.AddTo(command);

        CommandBody.Attach(command, console, (parse, cancellation) =>
        {
            var (learningTask, modelName, sizeValue) = Parsing.SingleRun(parse.GetValue(task), parse.GetValue(model), parse.GetValue(size));
            var spec = training.Apply(parse, new RunSpec { Task = learningTask, Model = modelName, Size = sizeValue, Seed = parse.GetValue(seed) });
            if (parse.GetValue(untrained)) spec = spec with { Epochs = 0 };
            // Refuse uninspectable learners before spending the training time.
            using (var unfitted = BuiltInModels.Catalog.Get(modelName).Create(new LearnerRequest(LearnerShape.Of(learningTask), sizeValue, spec.Settings)))
            {
                try { LayerStack.RequireInspectable(unfitted); }
                catch (NotSupportedException e) { throw new UsageException(e.Message); }
            }
            string directory = OutputPath.EnsureWritableDirectory(parse.GetValue(output)!);

            console.Out.WriteLine($"diagnose {RunResultLine.Describe(spec)} → {directory}");
            var outcome = SweepDisplay.RunOne(console, spec, cancellation);
            using var learner = outcome.Learner;
            RunCsv.Write(Path.Combine(directory, "run.csv"), [outcome.Record]);
            if (outcome.Record.Status is not ("ok" or "timeout"))
                throw new UsageException($"training ended with status {outcome.Record.Status} ({outcome.Record.Message}); nothing to diagnose");

            var torchLearner = LayerStack.RequireInspectable(learner);
            var stages = LayerStack.Of(learner);
            var sample = outcome.Data.Train.Rows > InspectedRows && learningTask is BitTask bits ? TaskDataFactory.Sample(bits, InspectedRows, spec.Seed) : outcome.Data.Train;
            using var scope = NewDisposeScope();
            var device = TorchDevice.Resolve(spec.Settings.Device);
            var inputs = TensorData.Inputs(sample, torchLearner.Encoding, device);
            var targets = TensorData.Targets(sample, device);
            var diagnosis = NetworkDiagnosis.Measure(stages, inputs, targets, learningTask.Kind == TargetKind.Bits, parse.GetValue(probe));
            var files = diagnosis.Write(directory, $"{modelName} {sizeValue} on {learningTask.Name}");
            Print(console, diagnosis);
            foreach (string file in files) console.Out.WriteLine($"wrote {file}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliConsole console, NetworkDiagnosis diagnosis)
    {
        var o = console.Out;
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine("layer          input-dep  var-share  dead   |Wx|/|b|   rank num/eff/stable   grad RMS plain  protected");
        foreach (var row in diagnosis.Layers)
            o.WriteLine(string.Format(inv, "{0,-14} {1,9:0.000}  {2,9:0.000}  {3,5:0.00}  {4,9}   {5,-20}  {6,14:E2}  {7,9}",
                row.Layer, row.InputDependence, row.VarianceShare, row.DeadShare,
                row.WeightToBias is { } wb ? wb.ToString("0.###", inv) : "—",
                row.NumericalRank is { } rank ? $"{rank}/{row.EffectiveRank:0.#}/{row.StableRank:0.#}" + (row.ProbeRank is { } p ? $" probe {p}" : "") : "—",
                row.WeightGradientRms ?? row.ActivationGradientRms,
                row.ProtectedWeightGradientRms is { } g ? g.ToString("E2", inv) : "—"));
        if (diagnosis.PathwayRankBound is { } bound) o.WriteLine($"pathway rank bound (smallest numerical rank): {bound}");
        o.WriteLine(diagnosis.IgnoresInput is { } reason ? $"IGNORES ITS INPUT: {reason}" : "the output still depends on the input");
    }
}
