namespace LogicNets.Cli;

/// <summary>DESIGN §7 exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InternalFailure = 1;
    public const int BadInput = 2;
}
