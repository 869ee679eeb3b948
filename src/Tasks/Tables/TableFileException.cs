namespace LogicNets.Tasks.Tables;

/// <summary>A data file that cannot be read as a truth table; the message names the file, the line and the problem.</summary>
public sealed class TableFileException(string file, int? line, string problem)
    : UserInputException(line is { } l ? $"{file}:{l}: {problem}" : $"{file}: {problem}")
{
    public string File { get; } = file;

    public int? Line { get; } = line;
}
