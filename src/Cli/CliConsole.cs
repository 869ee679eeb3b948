namespace LogicNets.Cli;

/// <summary>Where a command writes: normal output and one-line errors.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>True when a person watches a terminal (live progress bars); false for pipes, files, CI and tests.</summary>
    public bool IsInteractive =>
        ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected && Spectre.Console.AnsiConsole.Profile.Capabilities.Interactive;
}
