using System.CommandLine;
using LogicNets.Harness.Reports;
using LogicNets.Harness.Runs;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets report</c>: merges run CSVs (shards of a sweep or suite) into runs.csv, curves.csv, plots and summary.md.</summary>
public static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files") { Description = "run CSV files to merge (shards, sweeps, bench runs.csv)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "output folder for the merged runs.csv and summary.md", Required = true };
        var force = OutputPath.ForceOption("an earlier report in --out (its plots are cleared)");
        var command = new Command("report", "merge run CSVs (e.g. shards) into runs.csv, curves.csv (verdicts), accuracy-vs-size plots and summary.md") { files, output, force };

        CommandBody.Attach(command, console, (parse, _) =>
        {
            var inputs = parse.GetValue(files)!;
            var merged = RunMerge.Merge(inputs);
            string directory = OutputPath.ClaimDirectory(parse.GetValue(output)!, PurificationReport.OwnedFiles, parse.GetValue(force), "a report");
            foreach (string old in merged.PredatingSettings)
                console.Out.WriteLine($"note: '{old}' predates the settings columns (depth, lr, batch, …); its runs are read as runs with default settings");
            foreach (string mixed in merged.MixedDefaults)
                console.Out.WriteLine($"note: runs made with different option defaults (builds that differ), compared as one learner — {mixed}");
            string runs = Path.Combine(directory, PurificationReport.RunsFile);
            RunCsv.Write(runs, merged.Rows);
            var report = PurificationReport.Write(directory, $"LogicNets (.NET) report — {inputs.Length} file(s) merged", merged.Rows);
            console.Out.WriteLine($"{merged.Rows.Count} runs from {inputs.Length} file(s){(merged.Duplicates > 0 ? $", {merged.Duplicates} duplicate runs dropped (first kept)" : "")}");
            console.Out.WriteLine($"results: {runs}");
            console.Out.WriteLine($"curves:  {report.Curves} (verdicts); {report.Plots.Count} plot(s) in {Path.Combine(directory, PurificationReport.PlotFolder)}");
            console.Out.WriteLine($"summary: {report.Summary}");
            return ExitCodes.Success;
        });
        return command;
    }
}
