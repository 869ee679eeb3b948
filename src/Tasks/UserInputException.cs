namespace LogicNets.Tasks;

/// <summary>
/// Input a user can correct — a command line, a setting, a file — that is not valid; the message says what is.
/// The CLI turns exactly this type (and its subtypes) into one "error:" line and exit code 2; any other exception
/// is a failed invariant of the library and is reported as an internal error (exit 1).
/// </summary>
public class UserInputException(string message, Exception? inner = null) : Exception(message, inner);
