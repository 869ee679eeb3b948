namespace LogicNets.Digital.Verification;

/// <summary>How a check of a circuit against a rule ended.</summary>
public enum CheckVerdict { Exhaustive, Proved, Timeout, Counterexample }

/// <summary>
/// The outcome of checking one circuit against one rule: the verdict, the rows evaluated (exhaustive checks), the
/// time taken, and for a counterexample the input row (input 0 first) with the rule's and the circuit's outputs.
/// </summary>
public sealed record CheckResult(CheckVerdict Verdict, string Method, double Seconds, long Rows = 0,
    string? Input = null, string? Expected = null, string? Actual = null, string? Detail = null)
{
    /// <summary>The value of the run's <c>verified</c> column.</summary>
    public string Column => Verdict switch
    {
        CheckVerdict.Exhaustive => Tasks.Metrics.Verification.Exhaustive,
        CheckVerdict.Proved => Tasks.Metrics.Verification.Proved,
        CheckVerdict.Timeout => Tasks.Metrics.Verification.Timeout,
        _ => Tasks.Metrics.Verification.Counterexample,
    };

    public bool Agrees => Verdict is CheckVerdict.Exhaustive or CheckVerdict.Proved;

    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : double.NaN;
}
