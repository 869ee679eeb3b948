namespace LogicNets.Tasks.Definitions;

/// <summary>A task name or parameter that does not describe a valid task; the message says what is valid.</summary>
public sealed class TaskSpecException(string message) : UserInputException(message);
