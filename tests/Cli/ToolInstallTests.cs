using LogicNets.Tests.Support;
using static LogicNets.Tests.Support.DotnetProcess;

namespace LogicNets.Tests.Cli;

/// <summary>
/// The install a user without a clone does (README "Install"): pack the CLI as a dotnet tool into a local folder,
/// install it with <c>dotnet tool install --tool-path</c>, run it. About a minute and 1.3 GB of temporary disk
/// (libtorch is inside the package); everything is removed afterwards.
/// </summary>
public class ToolInstallTests
{
    [Fact]
    public void ThePackedToolInstallsAndRuns()
    {
        string root = RepositoryRoot();
        string work = Directory.CreateTempSubdirectory("logicnets-tool-").FullName;
        try
        {
            string packages = Path.Combine(work, "packages"), tools = Path.Combine(work, "tools");
            var pack = Dotnet(root, "pack", "src/Cli", "-c", "Release", "-o", packages, "--disable-build-servers", "-nodeReuse:false", "-v", "quiet", "-nologo");
            Assert.True(pack.Code == 0, $"dotnet pack failed:\n{pack.Output}");
            var package = Assert.Single(Directory.GetFiles(packages, "logicnets.*.nupkg"));
            Assert.InRange(new FileInfo(package).Length, 1, 250L * 1024 * 1024); // nuget.org refuses packages over 250 MB

            var install = Dotnet(work, "tool", "install", "--tool-path", tools, "--add-source", packages, "logicnets");
            Assert.True(install.Code == 0, $"dotnet tool install failed:\n{install.Output}");
            string logicnets = Path.Combine(tools, "logicnets");

            var version = Run(work, logicnets, null, "--version");
            Assert.True(version.Code == 0, version.Output);
            Assert.Matches(@"^\d+\.\d+\.\d+", version.Output.Trim());
            var tasks = Run(work, logicnets, null, "tasks", "parity:16:3");
            Assert.True(tasks.Code == 0, tasks.Output);
            Assert.Contains("hidden bits 3, 5, 15", tasks.Output);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
