using LogicNets.Tasks.Metrics;
using System.CommandLine;
using LogicNets.Cli.Progress;
using LogicNets.Harness.Csv;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets train</c>: one run, its scores on screen, and its run folder (run.csv, the model, layer statistics).</summary>
public static class TrainCommand
{
    public static Command Create(CliConsole console, ModelCatalog catalog)
    {
        var run = new SingleRunOptions(catalog, catalog.Names);
        var output = new Option<string?>("--out") { Description = "output folder (default runs/TASK-MODEL-SIZE-sSEED)" };
        var transfer = new Option<string[]>("--transfer")
        {
            Description = $"after training, also score the model on {TransferCheck.Rows} sampled rows of these bit tasks (e.g. add:32 add:64): does the learned rule hold at other widths?",
            AllowMultipleArgumentsPerToken = true,
        };
        var training = new TrainingOptionSet(catalog);
        var force = OutputPath.ForceOption("the run files in --out");
        var command = new Command("train", "train one learner on one task and score it on held-out rows");
        run.AddTo(command);
        command.Add(output);
        command.Add(transfer);
        command.Add(force);
        training.AddTo(command);

        CommandBody.AttachWithJson(command, console, (parse, console, json, cancellation) =>
        {
            int code = Run(parse, console, cancellation, out var record);
            if (json is not null) RecordJson.Write(json, [record], single: true);
            return code;
        });
        return command;

        int Run(ParseResult parse, CliConsole console, CancellationToken cancellation, out RunRecord record)
        {
            var (learningTask, descriptor, sizeValue, seedValue) = run.Parse(parse);
            var transferTasks = (parse.GetValue(transfer) ?? []).Select(name => Parsing.Task(name) as BitTask
                ?? throw new UsageException($"--transfer takes bit tasks; '{name}' has real-valued targets")).ToArray();
            var spec = training.SingleRun(parse, new RunSpec { Task = learningTask, Model = descriptor.Name, Size = sizeValue, Seed = seedValue });
            var folder = new RunFolder(OutputPath.ClaimDirectory(
                parse.GetValue(output) ?? Path.Combine("runs", $"{TaskName.FileSafe(learningTask.Name)}-{TaskName.FileSafe(descriptor.Name)}-{sizeValue}-s{seedValue}"),
                RunFolder.OwnedFiles, parse.GetValue(force), "a run"));

            console.Out.WriteLine($"train {RunResultLine.Describe(spec)} → {folder.Directory}");
            var outcome = SweepDisplay.RunOne(console, new RunExecutor(catalog), spec, cancellation);
            using var learner = outcome.Learner;
            record = outcome.Record;
            var files = folder.Write(record, learner);
            if (files.Model is not null) console.Out.WriteLine($"model: {files.Model}");
            console.Out.WriteLine($"run:   {files.Run}");
            if (files.SparseLayers is not null)
                console.Out.WriteLine($"layers: {files.SparseLayers} (activation rate, prototype norm, mean cost, collapse per epoch; drawn in {string.Join(", ", files.Pictures.Select(Path.GetFileName))})");
            PrintScores(console, record);
            if (learningTask is FileTask { TestPath: { } testFile })
                console.Out.WriteLine($"test rows: all {record.TestRows} rows of {testFile} (a validation file scores as the test set)");
            if (record.Verified == Verification.Sampled && record.Solved == true)
                console.Out.WriteLine($"note: exact on the {record.TestRows} test rows only (sampled); 'logicnets verify --run {folder.Directory}' checks a circuit on every input");
            if (outcome.Data.Mode == SplitMode.Sampled)
                console.Out.WriteLine($"note: {learningTask.InputWidth}-bit inputs are sampled, not enumerated: the training rows are capped at " +
                    $"{new SplitOptions().MaxSampledTrainRows}, so train_fraction {spec.TrainFraction} is an upper bound, not the share trained on");
            if (record.IsScored)
                foreach (var other in transferTasks) PrintTransfer(console, TransferCheck.Score(learner, other, seedValue));
            return record.Status == RunStatus.Failed ? ExitCodes.InternalFailure : ExitCodes.Success;
        }
    }

    private static void PrintTransfer(CliConsole console, TransferScore transfer) =>
        console.Out.WriteLine(transfer.Score is { } score
            ? $"transfer {transfer.Task,-14} {transfer.Rows} rows: bit accuracy {score.BitAccuracy:0.0000}, exact-match {score.ExactMatch:0.0000}"
            : $"transfer {transfer.Task,-14} not applicable: {transfer.NotApplicable}");

    private static void PrintScores(CliConsole console, RunRecord record)
    {
        var o = console.Out;
        o.WriteLine($"status: {record.Status.Name()}{(string.IsNullOrEmpty(record.Message) ? "" : $" ({record.Message})")}");
        o.WriteLine($"rows:   {record.TrainRows} train, {record.TestRows} test; {record.Params?.ToString() ?? "?"} parameters; {record.Epochs} epochs in {record.WallSeconds:0.0} s");
        if (record.TestBitAccuracy is not null)
        {
            o.WriteLine($"train bit accuracy   {record.TrainBitAccuracy:0.0000}");
            o.WriteLine($"test bit accuracy    {record.TestBitAccuracy:0.0000}");
            o.WriteLine($"test exact-match     {record.TestExact:0.0000}");
            o.WriteLine($"baseline (memorise)  {record.BaselineAccuracy:0.0000}");
            o.WriteLine($"gain over baseline   {record.Gain:+0.0000;-0.0000;0.0000}");
            if (record.TeacherTestBitAccuracy is { } teacher) o.WriteLine($"teacher's test bits  {teacher:0.0000}");
        }
        else if (record.Mse is not null)
        {
            o.WriteLine($"test MSE             {record.Mse:G4}");
            o.WriteLine($"NMU success          {(record.Solved == true ? "yes" : "no")}");
        }
    }
}
