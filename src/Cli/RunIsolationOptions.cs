using System.CommandLine;
using LogicNets.Harness.Runs;
using LogicNets.Harness.Workers;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli;

/// <summary><c>--jobs</c> and <c>--isolation</c> of the commands that run many runs (sweep, bench), and the launchers they choose.</summary>
public sealed class RunIsolationOptions
{
    public Option<int> Jobs { get; } = new("--jobs")
    {
        Description = "runs at once, each in its own worker process with its share of the cores (default 1); the numbers do not depend on it",
        DefaultValueFactory = _ => 1,
    };

    public Option<string> Isolation { get; } = new("--isolation")
    {
        Description = "worker: each run in a worker process, so a crash costs that run alone (retried once, then recorded as crashed); " +
                      "none: in this process (for debugging; one native crash ends the sweep)",
        DefaultValueFactory = _ => "worker",
    };

    public void AddTo(Command command)
    {
        command.Add(Jobs);
        command.Add(Isolation);
    }

    /// <summary>The number of lanes and what each lane runs its jobs on.</summary>
    public (Func<IRunLauncher> NewLauncher, int Jobs) Parse(ParseResult parse, ModelCatalog catalog)
    {
        int jobs = parse.GetValue(Jobs);
        if (jobs < 1) throw new UsageException($"--jobs must be >= 1, got {jobs}");
        string isolation = parse.GetValue(Isolation)!.Trim().ToLowerInvariant();
        // A worker process knows the built-in learners only; a catalog of the caller's own runs in this process.
        if (catalog != Harness.Registry.BuiltInModels.Catalog)
        {
            if (jobs > 1) throw new UsageException("learners from a catalog of your own run in this process only, one at a time; drop --jobs");
            isolation = "none";
        }
        return isolation switch
        {
            "worker" => (() => new IsolatedLauncher(ThisProgram() with { Cores = jobs > 1 ? Math.Max(1, Environment.ProcessorCount / jobs) : null }), jobs),
            "none" when jobs == 1 => (() => new InProcessLauncher(new RunExecutor(catalog)), 1),
            "none" => throw new UsageException("--jobs above 1 needs worker processes; drop --isolation none"),
            string other => throw new UsageException($"--isolation must be worker or none, got '{other}'"),
        };
    }

    /// <summary>
    /// This program as a worker: the same host that runs it (<c>dotnet exec logicnets.dll</c>, or the logicnets
    /// apphost). A test host or another embedding process starts the CLI assembly beside it with <c>dotnet</c>.
    /// </summary>
    public static WorkerStart ThisProgram()
    {
        string dll = typeof(CliApp).Assembly.Location;
        string? host = Environment.ProcessPath;
        if (host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet") return new WorkerStart(host, ["exec", dll, "worker"]);
        string apphost = Path.ChangeExtension(dll, null);
        if (host is not null && Path.GetFullPath(host) == Path.GetFullPath(apphost)) return new WorkerStart(host, ["worker"]);
        return new WorkerStart("dotnet", ["exec", dll, "worker"]);
    }
}
