using System.CommandLine;
using System.Text.Json;

namespace LogicNets.Cli;

/// <summary>
/// <c>--json</c>: the command's result as one JSON document on stdout and nothing else there; everything a person
/// reads (progress, notes, file paths) goes to stderr instead, so <c>… --json | jq</c> or <c>json.load</c> works.
/// </summary>
public static class JsonOutput
{
    public static Option<bool> CreateOption() =>
        new("--json") { Description = "write the result as JSON on stdout (run rows with the CSV's column names); the usual text goes to stderr" };

    /// <summary>The console the command's text goes to, and the JSON writer (null without <c>--json</c>).</summary>
    public static (CliConsole Text, TextWriter? Json) Split(ParseResult parse, Option<bool> option, CliConsole console) =>
        parse.GetValue(option) ? (console with { Out = console.Error }, console.Out) : (console, null);

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    /// <summary>Any value (anonymous objects, lists) as JSON with snake_case names, like the CSV columns.</summary>
    public static void Write(TextWriter json, object value) => json.WriteLine(JsonSerializer.Serialize(value, value.GetType(), Options));
}
