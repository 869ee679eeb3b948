using LogicNets.Diagnostics.Reports;
using System.CommandLine;
using LogicNets.Cli.Progress;
using LogicNets.Diagnostics.Harness;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets bench</c>: the main job — a purification suite into runs.csv and summary.md.</summary>
public static class BenchCommand
{
    public static Command Create(CliConsole console)
    {
        var suite = new Option<string>("--suite") { Description = "suite name: quick or full (see --list)", DefaultValueFactory = _ => "quick" };
        var output = new Option<string?>("--out") { Description = "output folder (default runs/bench-SUITE)" };
        var list = new Option<bool>("--list") { Description = "list the suites and what they run" };
        var models = new Option<string?>("--models") { Description = "run only these learners of the suite (comma-separated)" };
        var shard = new Option<string?>("--shard") { Description = $"run only shard i of n ({Shard.ValidForms}); merge with 'logicnets report'" };
        var resume = new Option<bool>("--resume") { Description = "continue an interrupted suite in the same folder" };
        var force = new Option<bool>("--force") { Description = "start over, overwriting an existing runs.csv" };
        var device = new Option<string>("--device") { Description = "torch device: cpu or cuda", DefaultValueFactory = _ => "cpu" };
        var command = new Command("bench", "run a purification benchmark suite: runs.csv and summary.md")
            { suite, output, list, models, shard, resume, force, device };

        CommandBody.Attach(command, console, (parse, cancellation) =>
        {
            if (parse.GetValue(list))
            {
                foreach (var s in BenchSuites.All)
                    console.Out.WriteLine($"{s.Name,-8} {s.Plan().Jobs.Count,5} runs  {s.Description}");
                return ExitCodes.Success;
            }
            var chosen = BenchSuites.Get(parse.GetValue(suite)!);
            var only = parse.GetValue(models) is { } m ? Parsing.Models(m).ToHashSet() : null;
            string deviceName = parse.GetValue(device)!.Trim().ToLowerInvariant();
            var shardSpec = Parsing.Shard(parse.GetValue(shard));
            var existing = Parsing.Existing(parse.GetValue(resume), parse.GetValue(force));
            string directory = OutputPath.EnsureWritableDirectory(parse.GetValue(output) ?? Path.Combine("runs", $"bench-{chosen.Name}"));
            if (only is not null)
                chosen = chosen with { Entries = chosen.Entries.Select(e => e with { Models = e.Models.Where(only.Contains).ToArray() }).ToArray() };

            console.Out.WriteLine($"bench suite '{chosen.Name}'{(shardSpec == Shard.All ? "" : $" shard {shardSpec}")} → {directory}");
            var runner = new BenchRunner(new SweepRunner(new RunExecutor(BuiltInModels.Catalog)));
            var result = SweepDisplay.Run(console, observer => runner.Run(chosen, directory, shardSpec, existing, observer,
                spec => spec with { Settings = spec.Settings with { Device = deviceName } }, cancellation));
            console.Out.WriteLine($"{result.Ran} runs written, {result.Skipped} already present");
            console.Out.WriteLine($"results: {Path.Combine(directory, BenchRunner.RunsFile)}");
            console.Out.WriteLine($"curves:  {Path.Combine(directory, PurificationReport.CurvesFile)} (verdicts), plots in {Path.Combine(directory, PurificationReport.PlotFolder)}");
            console.Out.WriteLine($"summary: {Path.Combine(directory, PurificationReport.SummaryFile)}");
            if (result.Cancelled)
            {
                console.Error.WriteLine("interrupted: rerun the same command with --resume to finish the suite");
                return ExitCodes.InternalFailure;
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
