using System.CommandLine;
using LogicNets.Tasks;

namespace LogicNets.Cli;

/// <summary>
/// The edge between the command line and the library: bad input becomes one line and exit code 2, anything else
/// an "internal error" line and exit code 1 (stack trace only with LOGICNETS_DEBUG=1). Never a silent failure.
/// </summary>
public static class CommandBody
{
    public static void Attach(Command command, CliConsole console, Func<ParseResult, CancellationToken, int> body) =>
        command.SetAction((parse, cancellation) => Task.FromResult(Guard(console, () => body(parse, cancellation))));

    /// <summary>
    /// As <see cref="Attach"/>, with <c>--json</c>: the body gets the console its text goes to (stderr under
    /// <c>--json</c>) and the writer for its one JSON document (null without <c>--json</c>).
    /// </summary>
    public static void AttachWithJson(Command command, CliConsole console, Func<ParseResult, CliConsole, TextWriter?, CancellationToken, int> body)
    {
        var json = JsonOutput.CreateOption();
        command.Add(json);
        Attach(command, console, (parse, cancellation) =>
        {
            var (text, jsonWriter) = JsonOutput.Split(parse, json, console);
            return body(parse, text, jsonWriter, cancellation);
        });
    }

    /// <summary>A command without options that prints what <paramref name="print"/> writes (tasks, models, doctor).</summary>
    public static Command Listing(string name, string description, CliConsole console, Action<TextWriter> print)
    {
        var command = new Command(name, description);
        Attach(command, console, (_, _) =>
        {
            print(console.Out);
            return ExitCodes.Success;
        });
        return command;
    }

    public static int Guard(CliConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (IsBadInput(e))
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            console.Error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("LOGICNETS_DEBUG") == "1") console.Error.WriteLine(e);
            return ExitCodes.InternalFailure;
        }
    }

    /// <summary>Input the user can correct: the library's one input-error type, or a path the system cannot open.</summary>
    private static bool IsBadInput(Exception e) => e is UserInputException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException;
}
