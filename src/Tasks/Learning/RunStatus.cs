namespace LogicNets.Tasks.Learning;

/// <summary>How a run ended: the status column of a run row.</summary>
public enum RunStatus
{
    /// <summary>Trained to its end; scored.</summary>
    Ok,

    /// <summary>Did not stop by itself and was stopped from outside (a worker past its budget), or a file from before <see cref="Budget"/> existed; not scored.</summary>
    Timeout,

    /// <summary>The loss or the predictions became non-finite; not scored.</summary>
    Diverged,

    /// <summary>The user interrupted it; never written to a sweep file (resume runs it again).</summary>
    Cancelled,

    /// <summary>Threw an error; the message says which.</summary>
    Failed,

    /// <summary>Stopped by the time budget the user gave, keeping the model as it stood; scored, and marked so in summaries.</summary>
    Budget,

    /// <summary>Its worker process died (signal, out of memory, native fault) twice; the message gives the signal or exit code.</summary>
    Crashed,
}

/// <summary>The spelling of <see cref="RunStatus"/> in run files and on screen (lower case: <c>ok</c>, <c>timeout</c>, …).</summary>
public static class RunStatusNames
{
    public static string Name(this RunStatus status) => status.ToString().ToLowerInvariant();

    public static RunStatus Parse(string text) =>
        Enum.TryParse<RunStatus>(text.Trim(), ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? status
            : throw new UserInputException($"unknown run status '{text}'; valid: {string.Join(", ", Enum.GetValues<RunStatus>().Select(Name))}");
}
