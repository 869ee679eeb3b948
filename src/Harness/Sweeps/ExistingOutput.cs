namespace LogicNets.Harness.Sweeps;

/// <summary>What to do about an output CSV that already exists.</summary>
public enum ExistingOutput
{
    /// <summary>Refuse: the user must choose resume or overwrite.</summary>
    Refuse,

    /// <summary>Keep its rows and run only the jobs it lacks.</summary>
    Resume,

    /// <summary>Start over.</summary>
    Overwrite,
}

/// <summary>An output file exists and the user asked neither to resume nor to overwrite it.</summary>
public sealed class OutputExistsException(string path)
    : LogicNets.Tasks.UserInputException($"'{path}' already exists; pass --resume to continue it or --force to start over");
