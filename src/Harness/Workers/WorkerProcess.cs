using System.Diagnostics;
using LogicNets.Harness.Runs;
using LogicNets.Tasks;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Workers;

/// <summary>
/// One worker process that runs jobs one after another. <see cref="Run"/> returns the row, or throws
/// <see cref="WorkerDiedException"/> when the process ended before answering (a signal, an out-of-memory kill, a
/// native fault, an abort); the process is then gone and this object must be replaced.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _stderrTail = new();
    private long _nextId;

    /// <summary>Called with each started worker's process id (tests kill workers with it).</summary>
    public static event Action<int>? Started;

    public WorkerProcess(WorkerStart start)
    {
        var info = new ProcessStartInfo(start.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in start.Arguments) info.ArgumentList.Add(argument);
        if (start.Cores is { } cores) info.Environment["DOTNET_PROCESSOR_COUNT"] = cores.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.ArgumentList.Add("--parent");
        info.ArgumentList.Add(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _process = Process.Start(info) ?? throw new InvalidOperationException($"could not start a worker process ({start.FileName})");
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderrTail)
            {
                _stderrTail.Enqueue(e.Data);
                if (_stderrTail.Count > 20) _stderrTail.Dequeue();
            }
        };
        _process.BeginErrorReadLine();
        Started?.Invoke(_process.Id);
    }

    public int ProcessId => _process.Id;

    /// <param name="deadline">Kill the worker when the run takes longer (a run that does not stop by itself); null: no limit.</param>
    public RunRecord Run(RunSpec spec, IProgress<FitProgress>? progress, TimeSpan? deadline, CancellationToken cancellation)
    {
        long id = ++_nextId;
        bool timedOut = false;
        using var cancel = cancellation.Register(Kill);
        using var timer = deadline is { } limit ? new Timer(_ => { timedOut = true; Kill(); }, null, limit, Timeout.InfiniteTimeSpan) : null;
        try
        {
            _process.StandardInput.WriteLine(WorkerProtocol.Job(id, spec));
            _process.StandardInput.Flush();
        }
        catch (IOException) { } // it died already: reading below says how
        string? line;
        while ((line = _process.StandardOutput.ReadLine()) is not null)
        {
            if (WorkerProtocol.Parse(line) is not { } message || message.Id != id) continue;
            switch (message.Kind)
            {
                case 'P': progress?.Report(WorkerProtocol.ParseProgress(message.Body)); break;
                case 'R': return WorkerProtocol.ParseResult(message.Body);
                case 'E': throw new UserInputException(message.Body);
            }
        }
        _process.WaitForExit();
        if (cancellation.IsCancellationRequested) return Ended(spec, RunStatus.Cancelled, "cancelled");
        if (timedOut) return Ended(spec, RunStatus.Timeout, $"did not stop within {deadline!.Value.TotalSeconds:0} s of wall time (its budget and a margin); the worker was killed");
        throw new WorkerDiedException(Describe(_process.ExitCode), StderrTail());
    }

    private static RunRecord Ended(RunSpec spec, RunStatus status, string message)
    {
        var record = spec.Identity();
        record.Status = status;
        record.Message = message;
        return record;
    }

    /// <summary>An exit code in words: .NET reports a child killed by signal N as 128 + N.</summary>
    public static string Describe(int exitCode)
    {
        if (exitCode <= 128 || exitCode > 128 + 64) return $"exit code {exitCode}";
        int signal = exitCode - 128;
        string name = signal switch
        {
            4 => "SIGILL", 6 => "SIGABRT", 7 => "SIGBUS", 8 => "SIGFPE", 9 => "SIGKILL, e.g. the out-of-memory killer",
            11 => "SIGSEGV, a native fault", 15 => "SIGTERM", _ => "",
        };
        return name.Length > 0 ? $"killed by signal {signal} ({name})" : $"killed by signal {signal}";
    }

    private string StderrTail()
    {
        lock (_stderrTail) return string.Join(" | ", _stderrTail.Where(line => line.Trim().Length > 0).TakeLast(3));
    }

    private void Kill()
    {
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already gone
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close(); // the worker's loop ends at end of input
                if (!_process.WaitForExit(5000)) Kill();
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException) { }
        _process.Dispose();
    }
}

/// <summary>A worker process ended while it ran a job.</summary>
public sealed class WorkerDiedException(string how, string stderr)
    : Exception($"the worker process died: {how}{(stderr.Length > 0 ? $" (stderr: {stderr})" : "")}")
{
    /// <summary>What happened, for a row's message: "died: killed by signal 9 (…)", with the last stderr lines.</summary>
    public string Account { get; } = $"died: {how}{(stderr.Length > 0 ? $" (stderr: {stderr})" : "")}";
}
