using System.CommandLine;
using LogicNets.Cli.Progress;
using LogicNets.Harness.Csv;
using LogicNets.Harness.Plots;
using LogicNets.Harness.Reports;
using LogicNets.Harness.Runs;
using LogicNets.Harness.Sweeps;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets sweep</c>: models × sizes × seeds on one task into a CSV that survives being killed.</summary>
public static class SweepCommand
{
    public static Command Create(CliConsole console, ModelCatalog catalog)
    {
        var task = new TaskOptions();
        var models = new Option<string>("--models") { Description = $"comma-separated learners of {catalog.Names}", Required = true };
        var sizes = new Option<string>("--sizes") { Description = $"model sizes: {SizeList.ValidForms}", Required = true };
        var seeds = new Option<int>("--seeds") { Description = "number of seeds (1..K) per size", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "output CSV (rewritten atomically after every run)", Required = true };
        var shard = new Option<string?>("--shard") { Description = $"run only shard i of n ({Shard.ValidForms}); merge with 'logicnets report'" };
        var resume = new Option<bool>("--resume") { Description = "keep the rows already in --out and run only the missing ones" };
        var force = new Option<bool>("--force") { Description = "overwrite an existing --out" };
        var plot = new Option<string?>("--plot") { Description = "also draw accuracy vs size (one line per model, verdict in the legend) to this PNG and print the verdicts" };
        var training = new TrainingOptionSet(catalog);
        var isolation = new RunIsolationOptions();
        var command = new Command("sweep", "train learners over a range of sizes and seeds; one CSV row per run")
            { models, sizes, seeds, output, shard, resume, force, plot };
        task.AddTo(command);
        training.AddTo(command);
        isolation.AddTo(command);

        CommandBody.AttachWithJson(command, console, (parse, console, json, cancellation) =>
        {
            var learningTask = task.Parse(parse);
            var modelNames = Parsing.Models(catalog, parse.GetValue(models));
            Parsing.RequireLearns(catalog, modelNames, learningTask);
            var sizeList = SizeList.Parse(parse.GetValue(sizes)!);
            int seedCount = parse.GetValue(seeds);
            if (seedCount < 1) throw new UsageException($"--seeds must be >= 1, got {seedCount}");
            var shardSpec = Parsing.Shard(parse.GetValue(shard));
            var existing = Parsing.Existing(parse.GetValue(resume), parse.GetValue(force));
            var template = training.Apply(parse, new RunSpec { Task = learningTask, Model = "", Size = 1 });
            string csv = OutputPath.EnsureWritableFile(parse.GetValue(output)!);
            string? png = parse.GetValue(plot) is { } plotPath ? OutputPath.EnsureWritableFile(plotPath) : null;

            var plan = SweepPlan.Grid([learningTask], modelNames, sizeList, seedCount, template).Select(training.LearnerOptions(parse, modelNames));
            var (newLauncher, jobs) = isolation.Parse(parse, catalog);
            var runner = new SweepRunner(newLauncher, jobs, catalog);
            var result = SweepDisplay.Run(console, observer => runner.Run(plan, csv, shardSpec, existing, observer, cancellation));
            console.Out.WriteLine($"{result.Ran} runs written, {result.Skipped} already present: {csv}");
            var curves = AccuracyCurve.FromRuns(result.Rows);
            foreach (var curve in curves)
                console.Out.WriteLine($"verdict {curve.Label,-12} {curve.Verdict.Name,-12} {curve.Verdict.Reason}");
            if (png is not null)
            {
                AccuracyPlot.Save(png, learningTask.Name, curves, AccuracyPlot.BaselineOf(result.Rows));
                console.Out.WriteLine($"plot: {png}");
            }
            if (json is not null) RecordJson.Write(json, result.Rows);
            return SweepDisplay.ExitCode(console, result, "sweep");
        });
        return command;
    }
}
