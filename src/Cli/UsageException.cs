using LogicNets.Tasks;

namespace LogicNets.Cli;

/// <summary>Bad input at the command line; its message is the one line the user sees (exit code 2).</summary>
public sealed class UsageException(string message) : UserInputException(message);
