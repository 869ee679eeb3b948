using System.CommandLine;
using LogicNets.Cli.Progress;
using LogicNets.Diagnostics.Harness;
using LogicNets.Tasks.Learning;
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
        var training = new TrainingOptionSet();
        var command = new Command("train", "train one learner on one task and score it on held-out rows") { task, model, size, seed, output };
        training.AddTo(command);

        CommandBody.Attach(command, console, (parse, cancellation) =>
        {
            var learningTask = Parsing.Task(parse.GetValue(task));
            string modelName = Parsing.Models(parse.GetValue(model)).Single();
            int sizeValue = parse.GetValue(size);
            if (sizeValue < 1) throw new UsageException($"--size must be >= 1, got {sizeValue}");
            int seedValue = parse.GetValue(seed);
            var spec = training.Apply(parse, new RunSpec { Task = learningTask, Model = modelName, Size = sizeValue, Seed = seedValue });
            string directory = OutputPath.EnsureWritableDirectory(
                parse.GetValue(output) ?? Path.Combine("runs", $"{learningTask.Name.Replace(':', '_').Replace(',', '_')}-{modelName}-{sizeValue}-s{seedValue}"));

            console.Out.WriteLine($"train {RunResultLine.Describe(spec)} → {directory}");
            var outcome = SweepDisplay.Run(console, observer =>
            {
                observer.RunStarted(1, 1, spec);
                var result = new RunExecutor(BuiltInModels.Catalog).Execute(spec, new EpochRelay(spec, observer), cancellation);
                observer.RunFinished(1, 1, result.Record);
                return result;
            });
            using var learner = outcome.Learner;
            var record = outcome.Record;
            RunCsv.Write(Path.Combine(directory, "run.csv"), [record]);
            if (learner is ISavableLearner savable && record.Status == RunStatus.Ok.Name())
                console.Out.WriteLine($"model: {savable.Save(directory)}");
            console.Out.WriteLine($"run:   {Path.Combine(directory, "run.csv")}");
            PrintScores(console, record, outcome.Data.Train.Rows, outcome.Data.Test.Rows);
            return record.Status == RunStatus.Failed.Name() ? ExitCodes.InternalFailure : ExitCodes.Success;
        });
        return command;
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
