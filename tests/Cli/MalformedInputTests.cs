using LogicNets.Cli;
using LogicNets.Digital.Circuits;
using LogicNets.Tasks;
using LogicNets.Tasks.Data;
using LogicNets.Tests.Support;

namespace LogicNets.Tests.Cli;

/// <summary>
/// Whatever a user feeds in — a damaged circuit file, a garbled command line — the answer is exit 0 or exit 2 with
/// one "error:" line; never a stack trace, never exit 1 (which means a bug of ours).
/// </summary>
public class MalformedInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("logicnets-malformed-").FullName;

    [Fact]
    public void AThousandMutatedCircuitFilesLoadOrAreRefusedNamingTheFile()
    {
        string valid = CircuitJson.Serialize(RandomCircuits.Make(seed: 11, inputs: 5, gates: 12, outputs: 2));
        var rng = new SplitMix64(2026);
        int refused = 0;
        for (int i = 0; i < 1000; i++)
        {
            string text = Mutate(valid, rng);
            try
            {
                CircuitJson.Parse(text, $"mutant-{i}.json");
            }
            catch (UserInputException e)
            {
                Assert.Contains($"mutant-{i}.json", e.Message);
                refused++;
            }
            catch (Exception e)
            {
                Assert.Fail($"mutant {i} threw {e.GetType().Name} instead of a user-input error: {e.Message}\n{text}");
            }
        }
        Assert.InRange(refused, 500, 1000); // most mutations break the file; a few leave a valid circuit
    }

    [Fact]
    public void MutatedCircuitFilesThroughExportExitZeroOrTwo()
    {
        string valid = CircuitJson.Serialize(RandomCircuits.Make(seed: 3, inputs: 4, gates: 8, outputs: 2));
        var rng = new SplitMix64(7);
        for (int i = 0; i < 40; i++)
        {
            string run = Path.Combine(_dir, $"run{i}");
            Directory.CreateDirectory(run);
            File.WriteAllText(Path.Combine(run, CircuitJson.FileName), Mutate(valid, rng));
            var (code, _, error) = Run("export", "--run", run, "--format", "verilog");
            Assert.True(code is 0 or 2, $"exit {code}: {error}");
            if (code == 2) AssertOneErrorLine(error);
        }
    }

    /// <summary>Sixty command lines a user could type by mistake (cheap to refuse: none of them trains).</summary>
    public static TheoryData<string[]> MalformedCommandLines()
    {
        List<string[]> lines =
        [
            ["trian", "--task", "add:4"], ["tasks", "parity:8:2", "extra"], ["train"], ["train", "--task"], ["train", "--task", ""],
            ["train", "--task", "add:4"], ["train", "--task", "add:4", "--model"], ["train", "--task", "add:4", "--model", "mlp,spl"],
            ["train", "--task", "add:4", "--model", "mlp", "--size", "x"], ["train", "--task", "add:4", "--model", "mlp", "--size", "-3"],
            ["train", "--task", "add:4", "--model", "mlp", "--seed", "1.5"], ["train", "--task", "add:4", "--model", "mlp", "--epochs", "0"],
            ["train", "--task", "add:4", "--model", "mlp", "--lr", "-1"], ["train", "--task", "add:4", "--model", "mlp", "--lr", "NaN"],
            ["train", "--task", "add:4", "--model", "mlp", "--batch", "0"], ["train", "--task", "add:4", "--model", "mlp", "--depth", "0"],
            ["train", "--task", "add:4", "--model", "mlp", "--noise", "1"], ["train", "--task", "add:4", "--model", "mlp", "--noise", "-0.1"],
            ["train", "--task", "add:4", "--model", "mlp", "--time-budget", "0"], ["train", "--task", "add:4", "--model", "mlp", "--time-budget", "abc"],
            ["train", "--task", "add:4", "--model", "mlp", "--set", "x"], ["train", "--task", "add:4", "--model", "mlp", "--set", "adaptive-l2=1"],
            ["train", "--task", "add:4", "--model", "spl", "--set", "adaptive-l2=big"], ["train", "--task", "add:4", "--model", "spl", "--set", "=3"],
            ["train", "--task", "add:4", "--model", "spl", "--set", "temperature=hot"], ["train", "--task", "add:4", "--model", "mlp-gramo", "--set", "mode=diagonal"],
            ["train", "--task", "product", "--model", "gates"], ["train", "--task", "add:4", "--model", "mlp", "--transfer", "add:x"],
            ["train", "--task", "mix:nand3", "--model", "mlp"], ["train", "--task", "mix:xor3,and2:dx", "--model", "mlp"],
            ["train", "--task", "mul:65", "--model", "mlp"], ["train", "--task", "parity:0:0", "--model", "mlp"],
            ["train", "--task", "product:2,1:0,1", "--model", "mlp"], ["train", "--task", "add:4", "--model", "mlp", "--transfer", "product"],
            ["train", "--task", "add:4", "--model", "mlp", "--device", "gpu"], ["train", "--task", "add:4", "--model", "mlp", "--encoding", "2"],
            ["train", "--task", "add:4", "--model", "gates", "--group-sum", "0"], ["train", "--task", "add:4", "--model", "mlp", "--frobnicate"],
            ["sweep"], ["sweep", "--task", "add:2"], ["sweep", "--task", "add:2", "--models", "mlp"], ["sweep", "--task", "add:2", "--models", "mlp", "--sizes", ""],
            ["sweep", "--task", "add:2", "--models", "mlp", "--sizes", "4..2", "--out", "x.csv"], ["sweep", "--task", "add:2", "--models", "mlp", "--sizes", "4", "--out", "x.csv", "--seeds", "0"],
            ["sweep", "--task", "add:2", "--models", "mlp", "--sizes", "4", "--out", "x.csv", "--jobs", "0"],
            ["sweep", "--task", "add:2", "--models", "mlp", "--sizes", "4", "--out", "x.csv", "--isolation", "thread"],
            ["sweep", "--task", "add:2", "--models", "mlp", "--sizes", "4", "--out", "x.csv", "--isolation", "none", "--jobs", "2"],
            ["sweep", "--task", "add:2", "--models", "mlp", "--sizes", "4", "--out", "x.csv", "--shard", "auto"],
            ["sweep", "--task", "add:2", "--models", "mlp", "--sizes", "4", "--out", "x.csv", "--shard", "0/2"],
            ["bench", "--suite", ""], ["bench", "--models", "nope"], ["bench", "--jobs", "-1"], ["bench", "--shard", "auto/x"],
            ["report"], ["report", "missing.csv", "--out", "r"], ["diagnose", "--task", "add:4", "--model", "gates", "--out", "d"],
            ["export", "--run", "nowhere", "--format", "verilog"], ["export", "--run", ".", "--format", "vhdl"], ["models", "nope"],
            ["--frobnicate"],
        ];
        var data = new TheoryData<string[]>();
        foreach (var line in lines) data.Add(line);
        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedCommandLines))]
    public void MalformedCommandLinesExitTwoWithOneErrorLine(string[] args)
    {
        // Output paths inside this test's folder: none of these commands may get far enough to write one.
        args = args.Select(arg => arg is "x.csv" or "r" or "d" ? Path.Combine(_dir, arg) : arg).ToArray();
        var (code, _, error) = Run(args);
        Assert.True(code == 2, $"exit {code} for '{string.Join(' ', args)}': {error}");
        AssertOneErrorLine(error);
    }

    [Fact]
    public void ThereAreSixtyMalformedCommandLines() => Assert.Equal(60, MalformedCommandLines().Count);

    /// <summary>The first line is the error; a typo may add System.CommandLine's suggestion lines after it.</summary>
    private static void AssertOneErrorLine(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("internal error", error);
        Assert.All(lines.Skip(1), line => Assert.DoesNotContain("error", line));
    }

    /// <summary>One of several damages: a character dropped, changed or doubled, a value replaced by another JSON type, a cut.</summary>
    private static string Mutate(string text, SplitMix64 rng)
    {
        string[] values = ["0", "-1", "1e309", "3.5", "\"AND\"", "\"\"", "null", "true", "[]", "{}", "[[]]", "\"x\"", "99999999999", "[\"XOR\",0,0]"];
        int at = rng.Next(text.Length);
        return rng.Next(6) switch
        {
            0 => text.Remove(at, 1),
            1 => text[..at] + (char)(' ' + rng.Next(95)) + text[(at + 1)..],
            2 => text.Insert(at, text[at].ToString()),
            3 => text[..at],
            4 => ReplaceValue(text, at, values[rng.Next(values.Length)]),
            _ => text.Replace("\"gates\"", rng.Next(2) == 0 ? "\"gate\"" : "\"outputs\""),
        };
    }

    /// <summary>Replaces the number or string that starts at or after <paramref name="at"/> with <paramref name="value"/>.</summary>
    private static string ReplaceValue(string text, int at, string value)
    {
        int start = text.IndexOfAny("0123456789\"".ToCharArray(), at);
        if (start < 0) return text + value;
        int end = start + 1;
        if (text[start] == '"') end = text.IndexOf('"', start + 1) + 1;
        else while (end < text.Length && char.IsDigit(text[end])) end++;
        if (end <= start) end = start + 1;
        return text[..start] + value + text[end..];
    }

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
