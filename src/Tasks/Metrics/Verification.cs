namespace LogicNets.Tasks.Metrics;

/// <summary>The values of the <c>verified</c> column: how a model's agreement with its rule was established.</summary>
public static class Verification
{
    /// <summary>Every row of the rule's table was evaluated (by the run's own scores or by <c>verify</c>) and agrees.</summary>
    public const string Exhaustive = "exhaustive";

    /// <summary>A solver proved the circuit equal to the rule on all inputs.</summary>
    public const string Proved = "proved";

    /// <summary>Scored on rows drawn from the table: "exact" means exact on those rows only.</summary>
    public const string Sampled = "sampled";

    /// <summary>The solver ran out of time: neither proved nor refuted.</summary>
    public const string Timeout = "timeout";

    /// <summary>An input is known on which the model and the rule differ (found by <c>verify</c>, or a wrong row of a fully scored table).</summary>
    public const string Counterexample = "counterexample";

    /// <summary>Whether the value establishes agreement on all inputs.</summary>
    public static bool IsComplete(string? verified) => verified is Exhaustive or Proved;
}
