using LogicNets.Harness.Csv;
using System.CommandLine;
using LogicNets.Cli.Progress;
using LogicNets.Harness.Reports;
using LogicNets.Harness.Suites;
using LogicNets.Harness.Sweeps;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets bench</c>: the main job — a purification suite into runs.csv and summary.md.</summary>
public static class BenchCommand
{
    public static Command Create(CliConsole console, ModelCatalog catalog)
    {
        var suite = new Option<string>("--suite")
        {
            Description = $"suite name: {string.Join(", ", BenchSuites.All.Select(s => s.Name))} or {Iwls2020Suite.Name} (see --list)", DefaultValueFactory = _ => BenchSuites.Quick.Name,
        };
        var data = new Option<string?>("--data") { Description = $"{Iwls2020Suite.Name}: the benchmark folder (train/exNN.train.pla.gz, validation/exNN.valid.pla.gz)" };
        var testData = new Option<string?>("--test-data") { Description = $"{Iwls2020Suite.Name}: a folder of exNN.test.pla[.gz] test rows, scored as a holdout" };
        var functions = new Option<string?>("--functions") { Description = $"{Iwls2020Suite.Name}: only these functions, e.g. ex00-ex09,ex74 (default: ex00-ex79)" };
        var output = new Option<string?>("--out") { Description = "output folder (default runs/bench-SUITE)" };
        var list = new Option<bool>("--list") { Description = "list the suites and what they run" };
        var models = new Option<string?>("--models") { Description = $"run only these learners of the suite (comma-separated, of {catalog.Names})" };
        var shard = new Option<string?>("--shard") { Description = $"run only shard i of n ({Shard.ValidForms}); merge with 'logicnets report'" };
        var resume = new Option<bool>("--resume") { Description = "continue an interrupted suite in the same folder" };
        var force = new Option<bool>("--force") { Description = "start over, overwriting an existing runs.csv" };
        var device = new Option<string>("--device") { Description = "torch device: cpu or cuda", DefaultValueFactory = _ => "cpu" };
        var isolation = new RunIsolationOptions();
        var command = new Command("bench", "run a purification benchmark suite: runs.csv and summary.md")
            { suite, output, list, models, shard, resume, force, device, data, testData, functions };
        isolation.AddTo(command);

        CommandBody.AttachWithJson(command, console, (parse, console, json, cancellation) =>
        {
            if (parse.GetValue(list))
            {
                foreach (var s in BenchSuites.All)
                    console.Out.WriteLine($"{s.Name,-8} {s.Plan(catalog).Jobs.Count,5} runs  {s.Description}");
                console.Out.WriteLine($"{Iwls2020Suite.Name,-8} ≤{80 * Iwls2020Suite.Learners.Sum(l => l.Sizes.Length),4} runs  {Iwls2020Suite.Description}");
                if (json is not null)
                    JsonOutput.Write(json, BenchSuites.All.Select(s => new { s.Name, Runs = (int?)s.Plan(catalog).Jobs.Count, s.Description })
                        .Append(new { Name = Iwls2020Suite.Name, Runs = (int?)null, Description = Iwls2020Suite.Description }).ToList());
                return ExitCodes.Success;
            }
            string suiteName = parse.GetValue(suite)!.Trim().ToLowerInvariant();
            bool iwls = suiteName == Iwls2020Suite.Name;
            if (!iwls && (parse.GetValue(data) ?? parse.GetValue(testData) ?? parse.GetValue(functions)) is not null)
                throw new UsageException($"--data, --test-data and --functions belong to --suite {Iwls2020Suite.Name}");
            var chosen = iwls
                ? Iwls2020Suite.Build(parse.GetValue(data) ?? throw new UsageException($"--suite {Iwls2020Suite.Name} needs --data DIR (e.g. ../shared/data/iwls2020)"),
                    parse.GetValue(testData), Iwls2020Suite.Functions(parse.GetValue(functions)))
                : BenchSuites.Get(suiteName);
            if (parse.GetValue(models) is { } only) chosen = chosen.Only(Parsing.Models(catalog, only));
            string deviceName = parse.GetValue(device)!.Trim().ToLowerInvariant();
            var shardSpec = Parsing.Shard(parse.GetValue(shard));
            var existing = Parsing.Existing(parse.GetValue(resume), parse.GetValue(force));
            string directory = OutputPath.EnsureWritableDirectory(parse.GetValue(output) ?? Path.Combine("runs", $"bench-{chosen.Name}"));

            console.Out.WriteLine($"bench suite '{chosen.Name}'{(shardSpec == Shard.All ? "" : $" shard {shardSpec}")} → {directory}");
            var (newLauncher, jobs) = isolation.Parse(parse, catalog);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Action<string, IReadOnlyList<Harness.Runs.RunRecord>>? report = iwls ? (title, rows) => Iwls2020Report.Write(directory, title, rows, clock.Elapsed, jobs, existing == ExistingOutput.Resume) : null;
            var result = SweepDisplay.Run(console, observer => new BenchRunner(catalog, newLauncher, jobs).Run(chosen, directory, shardSpec, existing, observer,
                spec => spec with { Settings = spec.Settings with { Device = deviceName } }, cancellation, report));
            console.Out.WriteLine($"{result.Ran} runs written, {result.Skipped} already present");
            console.Out.WriteLine($"results: {Path.Combine(directory, PurificationReport.RunsFile)}");
            if (iwls) console.Out.WriteLine($"functions: {Path.Combine(directory, Iwls2020Report.FunctionsFile)} (chosen circuit per function), picture {Path.Combine(directory, Iwls2020Report.PlotFile)}");
            else console.Out.WriteLine($"curves:  {Path.Combine(directory, PurificationReport.CurvesFile)} (verdicts), plots in {Path.Combine(directory, PurificationReport.PlotFolder)}");
            console.Out.WriteLine($"summary: {Path.Combine(directory, PurificationReport.SummaryFile)}");
            if (json is not null) RecordJson.Write(json, result.Rows);
            return SweepDisplay.ExitCode(console, result, "suite");
        });
        return command;
    }
}
