namespace LogicNets.Cli;

/// <summary>Where a command writes (normal output, one-line errors and progress notes) and reads piped rows from.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>Rows piped in (<c>predict --data -</c>); tests give a reader of their own.</summary>
    public TextReader In { get; init; } = Console.In;

    /// <summary>True when a person watches a terminal (live progress bars); false for pipes, files, CI and tests.</summary>
    public bool IsInteractive =>
        ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected && Spectre.Console.AnsiConsole.Profile.Capabilities.Interactive;
}
