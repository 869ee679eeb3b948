namespace LogicNets.Tests.Support;

/// <summary>
/// A fact that needs an external program (z3, berkeley-abc). Without it the test is skipped and says what to
/// install — except where <c>LOGICNETS_REQUIRE_TOOLS=1</c> (set by .ci/run, which installs them): there a missing
/// tool fails the test, so CI can never go green by skipping.
/// </summary>
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool, string package)
    {
        if (ExternalTool.Find(tool) is null && Environment.GetEnvironmentVariable("LOGICNETS_REQUIRE_TOOLS") != "1")
            Skip = $"'{tool}' is not installed (Debian: apt-get install {package}; .ci/run installs it)";
    }
}

/// <summary>Finds programs on PATH.</summary>
public static class ExternalTool
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);

    /// <summary>Runs a program to completion and returns its exit code and its output (stdout, then stderr).</summary>
    public static (int Code, string Output) Run(string name, params string[] arguments) =>
        DotnetProcess.Run(Environment.CurrentDirectory, Find(name) ?? throw new InvalidOperationException($"'{name}' is not installed; .ci/run installs it"),
            null, arguments);
}
