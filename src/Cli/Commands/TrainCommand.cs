using System.CommandLine;
using LogicNets.Cli.Progress;
using LogicNets.Diagnostics.Harness;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using LogicNets.Tasks.Metrics;
using LogicNets.Tasks.Results;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets train</c>: one run, its scores on screen, and DIR/run.csv plus the model file.</summary>
public static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var task = new Option<string>("--task") { Description = "task name, e.g. add:4 (see 'logicnets tasks')", Required = true };
        var model = new Option<string>("--model") { Description = "learner, e.g. mlp (see 'logicnets models')", Required = true };
        var size = new Option<int>("--size") { Description = "the model's size knob (see 'logicnets models')", DefaultValueFactory = _ => 64 };
        var seed = new Option<int>("--seed") { Description = "seed of data split, noise, initialisation and shuffling", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "output folder (default runs/TASK-MODEL-SIZE-sSEED)" };
        var transfer = new Option<string[]>("--transfer")
        {
            Description = "after training, also score the model on 16384 sampled rows of these bit tasks (e.g. add:32 add:64): does the learned rule hold at other widths?",
            AllowMultipleArgumentsPerToken = true,
        };
        var training = new TrainingOptionSet();
        var command = new Command("train", "train one learner on one task and score it on held-out rows") { task, model, size, seed, output, transfer };
        training.AddTo(command);

        CommandBody.Attach(command, console, (parse, cancellation) =>
        {
            var (learningTask, modelName, sizeValue) = Parsing.SingleRun(parse.GetValue(task), parse.GetValue(model), parse.GetValue(size));
            int seedValue = parse.GetValue(seed);
            var transferTasks = (parse.GetValue(transfer) ?? []).Select(name => Parsing.Task(name) as BitTask
                ?? throw new UsageException($"--transfer takes bit tasks; '{name}' has real-valued targets")).ToArray();
            var spec = training.Apply(parse, new RunSpec { Task = learningTask, Model = modelName, Size = sizeValue, Seed = seedValue });
            string directory = OutputPath.EnsureWritableDirectory(
                parse.GetValue(output) ?? Path.Combine("runs", $"{learningTask.Name.Replace(':', '_').Replace(',', '_')}-{modelName}-{sizeValue}-s{seedValue}"));

            console.Out.WriteLine($"train {RunResultLine.Describe(spec)} → {directory}");
            var outcome = SweepDisplay.RunOne(console, spec, cancellation);
            using var learner = outcome.Learner;
            var record = outcome.Record;
            RunCsv.Write(Path.Combine(directory, "run.csv"), [record]);
            if (learner is ISavableLearner savable && record.Status == RunStatus.Ok.Name())
                console.Out.WriteLine($"model: {savable.Save(directory)}");
            console.Out.WriteLine($"run:   {Path.Combine(directory, "run.csv")}");
            if (learner is ILayerTelemetry { LayerStats.Count: > 0 } telemetry)
            {
                CsvTable.Write(Path.Combine(directory, "layers.csv"), telemetry.LayerStats);
                console.Out.WriteLine($"layers: {Path.Combine(directory, "layers.csv")} (activation rate, prototype norm, mean cost, collapse per epoch)");
            }
            PrintScores(console, record, outcome.Data.Train.Rows, outcome.Data.Test.Rows);
            if (outcome.Data.Mode == SplitMode.Sampled)
                console.Out.WriteLine($"note: {learningTask.InputWidth}-bit inputs are sampled, not enumerated: the training rows are capped at " +
                    $"{new SplitOptions().MaxSampledTrainRows}, so train_fraction {spec.TrainFraction} is an upper bound, not the share trained on");
            if (record.Status == RunStatus.Ok.Name())
                foreach (var other in transferTasks) PrintTransfer(console, learner, other, seedValue);
            return record.Status == RunStatus.Failed.Name() ? ExitCodes.InternalFailure : ExitCodes.Success;
        });
        return command;
    }

    private const int TransferRows = 16384;

    private static void PrintTransfer(CliConsole console, ILearner learner, BitTask task, int seed)
    {
        var data = TaskDataFactory.Sample(task, TransferRows, seed);
        try
        {
            var score = BitScore.Of(learner.Predict(data), data);
            console.Out.WriteLine($"transfer {task.Name,-14} {data.Rows} rows: bit accuracy {score.BitAccuracy:0.0000}, exact-match {score.ExactMatch:0.0000}");
        }
        catch (ArgumentException e)
        {
            console.Out.WriteLine($"transfer {task.Name,-14} not applicable: {e.Message}");
        }
    }

    private static void PrintScores(CliConsole console, RunRecord record, int trainRows, int testRows)
    {
        var o = console.Out;
        o.WriteLine($"status: {record.Status}{(string.IsNullOrEmpty(record.Message) ? "" : $" ({record.Message})")}");
        o.WriteLine($"rows:   {trainRows} train, {testRows} test; {record.Params} parameters; {record.Epochs} epochs in {record.WallSeconds:0.0} s");
        if (record.TestBitAccuracy is not null)
        {
            o.WriteLine($"train bit accuracy   {record.TrainBitAccuracy:0.0000}");
            o.WriteLine($"test bit accuracy    {record.TestBitAccuracy:0.0000}");
            o.WriteLine($"test exact-match     {record.TestExact:0.0000}");
            o.WriteLine($"baseline (memorise)  {record.BaselineAccuracy:0.0000}");
            o.WriteLine($"gain over baseline   {record.Gain:+0.0000;-0.0000;0.0000}");
        }
        else if (record.Mse is not null)
        {
            o.WriteLine($"test MSE             {record.Mse:G4}");
            o.WriteLine($"NMU success          {(record.Solved == true ? "yes" : "no")}");
        }
    }
}
