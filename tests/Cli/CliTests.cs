using LogicNets.Cli;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Cli;

public class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("logicnets-cli-").FullName;

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("train", "--task", "add:99x", "--model", "mlp")]
    [InlineData("train", "--task", "add:0", "--model", "mlp")]
    [InlineData("train", "--task", "parity:4:9", "--model", "mlp")]
    [InlineData("train", "--task", "add:4", "--model", "nope")]
    [InlineData("train", "--task", "add:4", "--model", "mlp", "--train-fraction", "0")]
    [InlineData("train", "--task", "add:4", "--model", "mlp", "--train-fraction", "1.2")]
    [InlineData("train", "--task", "add:4", "--model", "mlp", "--size", "0")]
    [InlineData("train", "--task", "add:4", "--model", "mlp", "--encoding", "ternary")]
    [InlineData("train", "--task", "add:4", "--model", "mlp", "--device", "tpu")]
    [InlineData("train", "--task", "add:4", "--model", "gates", "--group-sum", "4")]
    [InlineData("train", "--task", "add:4", "--model", "gates", "--repair-kicks", "-1")]
    [InlineData("train", "--task", "add:4", "--model", "mlp", "--out", "/proc/logicnets-cannot-write")]
    [InlineData("sweep", "--task", "add:2", "--models", "mlp", "--sizes", "8..x", "--out", "x.csv")]
    [InlineData("sweep", "--task", "add:2", "--models", "mlp", "--sizes", "8", "--out", "x.csv", "--shard", "4/3")]
    [InlineData("sweep", "--task", "add:2", "--models", "mlp", "--sizes", "8", "--out", "x.csv", "--resume", "--force")]
    [InlineData("bench", "--suite", "nope")]
    [InlineData("bench", "--shard", "4/3")]
    [InlineData("frobnicate")]
    public void BadInputExitsTwoWithOneLine(params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.Equal(2, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void TrainPrintsScoresAndWritesTheRunRow()
    {
        string outDir = Path.Combine(_dir, "a");
        var (code, output, error) = Run("train", "--task", "add:3", "--model", "mlp", "--size", "32", "--seed", "1", "--out", outDir);
        Assert.True(code == 0, error);
        foreach (string label in new[] { "train bit accuracy", "test bit accuracy", "test exact-match", "gain over baseline" })
            Assert.Contains(label, output);
        var rows = RunCsv.Read(Path.Combine(outDir, "run.csv"));
        var row = Assert.Single(rows);
        Assert.Equal(("add:3", "mlp", 32, RunStatus.Ok), (row.Task, row.Model, row.Size, row.Status));
        Assert.InRange(row.TestBitAccuracy!.Value, 0, 1);
        Assert.True(File.Exists(Path.Combine(outDir, "model.dat")));
    }

    [Fact]
    public void DiagnoseShowsWhereAndWhenASparseLearnersExpertsDie()
    {
        string outDir = Path.Combine(_dir, "moie-diagnosis");
        var (code, output, error) = Run("diagnose", "--task", "add:2", "--model", "moie", "--size", "4", "--epochs", "3", "--train-fraction", "1", "--out", outDir);
        Assert.True(code == 0, error);
        // moie has no layer-by-layer diagnosis, only its sparse layers: a line per SPL, the table and both pictures.
        Assert.Matches(@"sparse layers at (the last epoch|epoch \d+, whose weights the fit kept) \(collapsed", output);
        Assert.Matches(@"b1\.down\s+activation \d\.\d{3}  collapsed \d\.\d{3}", output);
        foreach (string file in new[] { "sparse-layers.csv", "collapse.png", "activation.png", "run.csv" })
            Assert.True(File.Exists(Path.Combine(outDir, file)), $"{file} missing; output: {output}");
        Assert.False(File.Exists(Path.Combine(outDir, "vanishing.png")));
    }

    [Fact]
    public void SweepResumeAndReportMergeShards()
    {
        string a = Path.Combine(_dir, "s1.csv"), b = Path.Combine(_dir, "s2.csv");
        string[] common = ["--task", "parity:5:2", "--models", "mlp", "--sizes", "4,8", "--seeds", "2", "--epochs", "5"];
        Assert.Equal(0, Run(["sweep", .. common, "--out", a, "--shard", "1/2"]).Code);
        Assert.Equal(0, Run(["sweep", .. common, "--out", b, "--shard", "2/2"]).Code);
        var refused = Run(["sweep", .. common, "--out", a, "--shard", "1/2"]);
        Assert.Equal(2, refused.Code);
        Assert.Contains("--resume", refused.Error);
        var resumed = Run(["sweep", .. common, "--out", a, "--shard", "1/2", "--resume"]);
        Assert.Equal(0, resumed.Code);
        Assert.Contains("0 runs written, 2 already present", resumed.Out);

        string merged = Path.Combine(_dir, "merged");
        var report = Run("report", a, b, "--out", merged);
        Assert.Equal(0, report.Code);
        var rows = RunCsv.Read(Path.Combine(merged, "runs.csv"));
        Assert.Equal(4, rows.Count);
        Assert.Equal(4, rows.Select(r => r.Key).Distinct().Count());
        Assert.Contains("## parity:5:2", File.ReadAllText(Path.Combine(merged, "summary.md")));
    }

    [Fact]
    public void ReportRejectsFilesThatAreNotRunCsvs()
    {
        string other = Path.Combine(_dir, "other.csv");
        File.WriteAllText(other, "a,b\n1,2\n");
        var (code, _, error) = Run("report", other, "--out", Path.Combine(_dir, "r"));
        Assert.Equal(2, code);
        Assert.Contains("not a run CSV", error);
    }

    /// <summary>
    /// Every command that takes --json writes exactly one JSON document on stdout (a script's json.load reads it) and
    /// its usual text on stderr; a run's object has the CSV row's columns.
    /// </summary>
    [Fact]
    public void JsonOutputIsOneDocumentOnStdoutForEveryCommand()
    {
        string run = Path.Combine(_dir, "json-run");
        string rows = Path.Combine(_dir, "rows.csv");
        File.WriteAllText(rows, "x0,x1,x2,x3,x4,x5,x6,x7\n0,1,0,1,1,0,0,1\n1,1,1,1,0,0,0,0\n");
        string[][] commands =
        [
            ["train", "--task", "parity:8:2", "--model", "logic-chain", "--size", "4", "--out", run, "--json"],
            ["sweep", "--task", "parity:8:2", "--models", "logic-tree", "--sizes", "2,4", "--out", Path.Combine(_dir, "json-sweep.csv"), "--json"],
            ["verify", "--run", run, "--json"],
            ["predict", "--run", run, "--data", rows, "--json"],
            ["models", "--json"], ["models", "mlp-gramo", "--json"],
            ["tasks", "--json"], ["tasks", "mix:xor3,and2:d2", "--json"],
            ["bench", "--list", "--json"],
        ];
        foreach (var args in commands)
        {
            var (code, output, error) = Run(args);
            Assert.True(code == 0, $"{string.Join(' ', args)}: exit {code}: {error}");
            using var document = System.Text.Json.JsonDocument.Parse(output); // throws on anything but one JSON document
            Assert.NotEqual(System.Text.Json.JsonValueKind.Undefined, document.RootElement.ValueKind);
        }
        var train = System.Text.Json.JsonDocument.Parse(Run("train", "--task", "parity:8:2", "--model", "logic-chain", "--size", "4", "--out", run, "--force", "--json").Out).RootElement;
        Assert.Equal(RunCsv.Columns, train.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.0, train.GetProperty("test_bit_acc").GetDouble());
        Assert.True(train.GetProperty("solved").GetBoolean());
        Assert.Equal("ok", train.GetProperty("status").GetString());
        var mixture = System.Text.Json.JsonDocument.Parse(Run("tasks", "mix:xor3,and2:d2", "--json").Out).RootElement;
        Assert.Equal(2, mixture.GetProperty("bits_read_per_output").GetArrayLength());
        Assert.Equal(2, mixture.GetProperty("distractors").GetArrayLength());
    }

    [Fact]
    public void ListingsWork()
    {
        Assert.Contains("parity:16:3", Run("tasks").Out);
        var parity = Run("tasks", "parity:16:3");
        var hidden = ((LogicNets.Tasks.Definitions.ParityTask)LogicNets.Tasks.Definitions.TaskName.Parse("parity:16:3")).HiddenBits;
        Assert.Equal(0, parity.Code);
        Assert.Contains($"hidden bits {string.Join(", ", hidden)} (out0 = their XOR)", parity.Out);
        Assert.Contains("distractors 13:", parity.Out);
        Assert.Contains("out3        add2 of bits", Run("tasks", "mix:xor3,and2,maj3,add2:d4").Out);
        var unknown = Run("tasks", "bogus:3");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("unknown task family 'bogus'", unknown.Error);
        Assert.Contains("mlp", Run("models").Out);
        Assert.Contains("quick", Run("bench", "--list").Out);
        var doctor = Run("doctor");
        Assert.Equal(0, doctor.Code);
        Assert.Contains("libtorch", doctor.Out);
        Assert.Contains("CPU", doctor.Out);
    }

    [Fact]
    public void DigitalRunsExportTheirCircuitInEveryFormat()
    {
        string run = Path.Combine(_dir, "gates");
        var (code, output, error) = Run("train", "--task", "parity:4:2", "--model", "gates-wired", "--size", "4", "--depth", "1", "--epochs", "20",
            "--train-fraction", "1", "--out", run);
        Assert.True(code == 0, error);
        Assert.Contains("circuit.json", output);
        foreach (var (format, file, marker) in new[] { ("verilog", "circuit.v", "endmodule"), ("c", "circuit.c", "uint64_t"), ("dot", "circuit.dot", "digraph"), ("json", "circuit.export.json", "logicnets-hard-circuit") })
        {
            var export = Run("export", "--run", run, "--format", format);
            Assert.True(export.Code == 0, export.Error);
            Assert.Contains(marker, File.ReadAllText(Path.Combine(run, file)));
        }
    }

    [Fact]
    public void ExportRejectsRunsWithoutCircuitsCorruptFilesAndUnknownFormats()
    {
        string mlpRun = Path.Combine(_dir, "mlp");
        Assert.Equal(0, Run("train", "--task", "add:2", "--model", "mlp", "--size", "4", "--epochs", "2", "--out", mlpRun).Code);
        var noCircuit = Run("export", "--run", mlpRun, "--format", "verilog");
        Assert.Equal(2, noCircuit.Code);
        Assert.Contains("no circuit.json", noCircuit.Error);

        File.WriteAllText(Path.Combine(mlpRun, "circuit.json"), "{\"format\":\"logicnets-hard-circuit\",\"version\":1,\"inputs\":2,\"gates\":[[\"AND\",0,9]],\"outputs\":[2]}");
        var corrupt = Run("export", "--run", mlpRun, "--format", "c");
        Assert.Equal(2, corrupt.Code);
        Assert.Contains("invalid circuit file", corrupt.Error);

        var format = Run("export", "--run", mlpRun, "--format", "vhdl");
        Assert.Equal(2, format.Code);
        Assert.Contains("verilog, c, dot, json", format.Error);
    }

    [Fact]
    public void LogicLearnersRejectRealValuedTasks()
    {
        var (code, _, error) = Run("train", "--task", "product", "--model", "gates", "--out", Path.Combine(_dir, "p"));
        Assert.Equal(2, code);
        Assert.Contains("real-valued", error);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
