using System.Text.RegularExpressions;
using static LogicNets.Tests.Support.DotnetProcess;

namespace LogicNets.Tests.Continuous;

/// <summary>
/// Issue #17: model code must not create tensors on the CPU behind <c>--device cuda</c>'s back. CI has no GPU, so this
/// reads the source: every libtorch factory call (tensor, zeros, ones, full, empty, rand, randn, randint, arange,
/// eye, linspace, normal) in model, training and diagnostic code passes a <c>device:</c>, unless it builds a
/// <c>Parameter</c> (moved with its module by <c>.to(device)</c>) or sits in a file listed here as CPU-only on purpose.
/// </summary>
public class DeviceCleanCodeTests
{
    private static readonly string[] Folders = ["src/Continuous", "src/Digital/Networks", "src/Digital/Relaxation", "src/Digital/Mapper", "src/Digital/Learners", "src/Diagnostics"];

    /// <summary>Files whose tensors are CPU-only by design, with the reason.</summary>
    private static readonly Dictionary<string, string> CpuOnly = new()
    {
        ["src/Digital/Relaxation/FusedGateFunction.cs"] = "the fused kernel runs on CPU tensors only and refuses others",
        ["src/Continuous/Torch/TorchRuntime.cs"] = "the load check runs one CPU backward pass before any device is chosen",
    };

    private static readonly Regex Factory = new(@"(?<![\w.])(?:torch\.)?(tensor|zeros|ones|full|empty|rand|randn|randint|arange|eye|linspace|normal)\(", RegexOptions.Compiled);

    [Fact]
    public void EveryTensorFactoryCallNamesItsDevice()
    {
        string root = RepositoryRoot();
        var offenders = new List<string>();
        int calls = 0;
        foreach (string folder in Folders)
            foreach (string path in Directory.GetFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
                if (relative.Contains("/bin/") || relative.Contains("/obj/") || CpuOnly.ContainsKey(relative)) continue;
                string text = File.ReadAllText(path);
                foreach (Match match in Factory.Matches(text))
                {
                    calls++;
                    string arguments = Arguments(text, match.Index + match.Length);
                    bool parameter = text[..match.Index].TrimEnd().EndsWith("new Parameter(", StringComparison.Ordinal);
                    if (!arguments.Contains("device") && !parameter)
                        offenders.Add($"{relative}:{text[..match.Index].Count(c => c == '\n') + 1}: {match.Value}{arguments.Split('\n')[0]}");
                }
            }
        Assert.True(calls > 20, $"only {calls} factory calls found: is the scan still reading the model code?");
        Assert.True(offenders.Count == 0, "tensors created without a device (CPU under --device cuda):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheScanFindsACallWithoutADevice()
    {
        const string code = "var ok = zeros(3, device: x.device);\nvar hidden = torch.ones(4) + rand(2, 2);\nvar p = new Parameter(randn(2, 2));";
        var found = Factory.Matches(code).Where(m => !Arguments(code, m.Index + m.Length).Contains("device")
            && !code[..m.Index].TrimEnd().EndsWith("new Parameter(", StringComparison.Ordinal)).Select(m => m.Value).ToList();
        Assert.Equal(["torch.ones(", "rand("], found);
    }

    /// <summary>The text from an opening parenthesis's inside to its matching close.</summary>
    private static string Arguments(string text, int start)
    {
        int depth = 1;
        for (int i = start; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return text[start..i];
        }
        return text[start..];
    }
}
