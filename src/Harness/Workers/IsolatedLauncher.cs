using System.Diagnostics;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Workers;

/// <summary>
/// Runs each spec in a worker process, so a run that kills its process (native fault, out-of-memory kill, abort)
/// costs that run alone: it is retried once in a fresh worker, and if that dies too the row says <c>crashed</c> with
/// the signal or exit code of both attempts. A worker is reused for the next run while it lives.
/// </summary>
public sealed class IsolatedLauncher(WorkerStart start) : IRunLauncher
{
    /// <summary>A run with a budget is killed when it overruns it by this factor plus <see cref="KillMargin"/>.</summary>
    public const double KillFactor = 2.0;

    public static readonly TimeSpan KillMargin = TimeSpan.FromSeconds(120);

    private WorkerProcess? _worker;

    public RunRecord Run(RunSpec spec, IProgress<FitProgress>? progress, CancellationToken cancellation)
    {
        var deadline = spec.TimeBudget is { } budget ? budget * KillFactor + KillMargin : (TimeSpan?)null;
        var clock = Stopwatch.StartNew();
        string? firstDeath = null;
        for (int attempt = 1; attempt <= 2; attempt++)
        {
            _worker ??= new WorkerProcess(start);
            try
            {
                var record = _worker.Run(spec, progress, deadline, cancellation);
                if (record.Status is RunStatus.Cancelled or RunStatus.Timeout) Replace();
                if (firstDeath is not null)
                    record.Message = $"{(record.Message is { } m ? m + "; " : "")}retried: the first worker {firstDeath}";
                return record;
            }
            catch (WorkerDiedException died)
            {
                Replace();
                if (firstDeath is null)
                {
                    firstDeath = died.Account;
                    continue;
                }
                var crashed = spec.Identity();
                crashed.Status = RunStatus.Crashed;
                crashed.WallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
                crashed.Message = $"the worker died twice: first it {firstDeath}; then it {died.Account}";
                return crashed;
            }
        }
        throw new UnreachableException();
    }

    private void Replace()
    {
        _worker?.Dispose();
        _worker = null;
    }

    public void Dispose() => Replace();
}
