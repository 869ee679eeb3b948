namespace LogicNets.Cli;

/// <summary>The exit codes of the command (docs/DESIGN.md §9).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InternalFailure = 1;
    public const int BadInput = 2;

    /// <summary><c>verify</c>: the check ran and did not establish the rule (a counterexample, or the solver timed out).</summary>
    public const int NotVerified = 3;
}
