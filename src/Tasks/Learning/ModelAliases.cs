namespace LogicNets.Tasks.Learning;

/// <summary>
/// Former names of learners. Commands take them, and run files that hold them read as the current name, so old
/// CSVs still merge, resume and report alongside new ones.
/// </summary>
public static class ModelAliases
{
    private static readonly Dictionary<string, string> Current = new(StringComparer.OrdinalIgnoreCase)
    {
        // The design calls gradient-length protection "parammo" (its author's parammo.py); the code said "gramo" first.
        ["mlp-gramo"] = "mlp-parammo",
    };

    /// <summary>The current name for <paramref name="name"/> (itself when it is not a former name).</summary>
    public static string Canonical(string name) => Current.TryGetValue(name.Trim(), out var current) ? current : name;

    /// <summary>The former names of a learner, for listings.</summary>
    public static IEnumerable<string> FormerNamesOf(string name) =>
        Current.Where(pair => string.Equals(pair.Value, name, StringComparison.OrdinalIgnoreCase)).Select(pair => pair.Key);
}
