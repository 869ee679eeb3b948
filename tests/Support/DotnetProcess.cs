using System.Diagnostics;

namespace LogicNets.Tests.Support;

/// <summary>Runs the SDK, a program it made, or an installed tool (<see cref="ExternalTool"/>), as a user does from a shell.</summary>
public static class DotnetProcess
{
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "LogicNets.sln"))) return directory.FullName;
        throw new InvalidOperationException($"no LogicNets.sln above {AppContext.BaseDirectory}");
    }

    public static (int Code, string Output) Dotnet(string directory, params string[] arguments) => Run(directory, "dotnet", null, arguments);

    /// <summary>
    /// Runs a program with its output captured (stdout then stderr). MSBuild's reusable nodes are off, so none
    /// outlives the call still holding the pipe; ten minutes at most.
    /// </summary>
    public static (int Code, string Output) Run(string directory, string program, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran over 10 minutes");
        }
        return (process.ExitCode, output.Result + error.Result);
    }
}
