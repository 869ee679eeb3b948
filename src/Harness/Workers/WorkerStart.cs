namespace LogicNets.Harness.Workers;

/// <summary>The command line that starts a worker process (the CLI's own executable with <c>worker</c>).</summary>
public sealed record WorkerStart(string FileName, IReadOnlyList<string> Arguments);
