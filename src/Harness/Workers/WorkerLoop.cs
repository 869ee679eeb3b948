using System.Diagnostics;
using LogicNets.Harness.Runs;
using LogicNets.Tasks;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Workers;

/// <summary>
/// The worker side (<c>logicnets worker</c>): reads jobs from stdin until it closes, runs each with the executor and
/// answers with <see cref="WorkerProtocol"/> lines. It exits when its parent does, so a killed sweep leaves no
/// orphan training on.
/// </summary>
public static class WorkerLoop
{
    public static int Serve(TextReader input, TextWriter output, RunExecutor executor, int? parentPid)
    {
        if (parentPid is { } pid) WatchParent(pid);
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            var (id, spec) = WorkerProtocol.ParseJob(line);
            string answer;
            try
            {
                var outcome = executor.Execute(spec, new LineProgress(output, id));
                outcome.Learner.Dispose();
                answer = WorkerProtocol.Result(id, outcome.Record);
            }
            catch (UserInputException e)
            {
                answer = WorkerProtocol.Refused(id, e.Message);
            }
            lock (output)
            {
                output.WriteLine(answer);
                output.Flush();
            }
        }
        return 0;
    }

    /// <summary>Ends this process once the parent is gone (killed with -9 it cannot close the pipe's far end in time to matter).</summary>
    private static void WatchParent(int pid)
    {
        var thread = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(1000);
                try
                {
                    using var parent = Process.GetProcessById(pid);
                    if (!parent.HasExited) continue;
                }
                catch (ArgumentException) { } // no such process
                Environment.Exit(3);
            }
        }) { IsBackground = true, Name = "parent-watch" };
        thread.Start();
    }

    private sealed class LineProgress(TextWriter output, long id) : IProgress<FitProgress>
    {
        public void Report(FitProgress value)
        {
            lock (output)
            {
                output.WriteLine(WorkerProtocol.Progress(id, value));
                output.Flush();
            }
        }
    }
}
