namespace LogicNets.Harness.Workers;

/// <summary>The command line that starts a worker process (the CLI's own executable with <c>worker</c>).</summary>
/// <param name="Cores">
/// Cores the worker's .NET thread pools see (the SIMD circuit evaluator, parallel loops); null: all. With several
/// workers at once each gets its share. libtorch's threads are a run setting of their own (<c>--threads</c>).
/// </param>
public sealed record WorkerStart(string FileName, IReadOnlyList<string> Arguments, int? Cores = null);
