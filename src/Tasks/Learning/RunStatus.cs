namespace LogicNets.Tasks.Learning;

/// <summary>How a run ended: the status column of a run row.</summary>
public enum RunStatus { Ok, Timeout, Diverged, Cancelled, Failed }

/// <summary>The spelling of <see cref="RunStatus"/> in run files and on screen (lower case: <c>ok</c>, <c>timeout</c>, …).</summary>
public static class RunStatusNames
{
    public static string Name(this RunStatus status) => status.ToString().ToLowerInvariant();

    public static RunStatus Parse(string text) =>
        Enum.TryParse<RunStatus>(text.Trim(), ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? status
            : throw new FormatException($"unknown run status '{text}'; valid: {string.Join(", ", Enum.GetValues<RunStatus>().Select(Name))}");
}
