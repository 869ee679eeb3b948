using System.CommandLine;
using LogicNets.Cli.Commands;
using LogicNets.Harness.Registry;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli;

/// <summary>The <c>logicnets</c> command tree; <see cref="Run"/> is also what tests call in-process.</summary>
public static class CliApp
{
    /// <param name="catalog">The learners the commands know; the built-in ones unless a caller (a test, an extension) brings its own.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, ModelCatalog? catalog = null, TextReader? input = null)
    {
        var console = new CliConsole(output, error) { In = input ?? Console.In };
        catalog ??= BuiltInModels.Catalog;
        var root = new RootCommand("LogicNets (.NET): learn binary logic and arithmetic with continuous and digital learners, and test whether they recover the pure rule.")
        {
            TasksCommand.Create(console),
            ModelsCommand.Create(console, catalog),
            DoctorCommand.Create(console),
            TrainCommand.Create(console, catalog),
            SweepCommand.Create(console, catalog),
            BenchCommand.Create(console, catalog),
            ReportCommand.Create(console),
            DiagnoseCommand.Create(console, catalog),
            ExportCommand.Create(console, catalog),
            VerifyCommand.Create(console),
            PredictCommand.Create(console, catalog),
            WorkerCommand.Create(console, catalog),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            string command = parse.CommandResult.Command == root ? "logicnets" : $"logicnets {parse.CommandResult.Command.Name}";
            // An unknown token explains the rest ("trian" leaves "required command was not provided" behind it): name it first.
            var first = parse.Errors.OrderBy(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal) ? 0 : 1).First();
            error.WriteLine($"error: {first.Message} (see '{command} --help')");
            foreach (string suggestion in TypoSuggestions(parse, first.Message)) error.WriteLine(suggestion);
            return ExitCodes.BadInput;
        }
        return parse.Invoke(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        });
    }

    /// <summary>System.CommandLine's own typo correction ("'trian' was not matched. Did you mean one of the following? train"), without its help page.</summary>
    private static IEnumerable<string> TypoSuggestions(ParseResult parse, string shownError)
    {
        if (parse.Action is not System.CommandLine.Invocation.ParseErrorAction action) return [];
        action.ShowHelp = false;
        action.ShowTypoCorrections = true;
        var text = new StringWriter();
        parse.Invoke(new InvocationConfiguration { Output = text, Error = text });
        // Keep the suggestion blocks ("'X' was not matched…" and the names after it) for the token the shown error names.
        var kept = new List<string>();
        bool keep = false;
        foreach (string line in text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.Contains(" was not matched.", StringComparison.Ordinal)) keep = shownError.Contains(line[..(line.IndexOf('\'', 1) + 1)], StringComparison.Ordinal);
            else if (parse.Errors.Any(e => e.Message == line)) { keep = false; continue; }
            if (keep) kept.Add(line);
        }
        return kept;
    }
}
