namespace LogicNets.Cli;

/// <summary>The exit codes of the command (docs/DESIGN.md §9).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InternalFailure = 1;
    public const int BadInput = 2;
}
