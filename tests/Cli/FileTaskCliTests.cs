using LogicNets.Tasks.Metrics;
using LogicNets.Cli;
using LogicNets.Digital.Circuits;
using LogicNets.Harness.Reports;
using LogicNets.Harness.Runs;
using LogicNets.Tests.Support;

namespace LogicNets.Tests.Cli;

/// <summary>File tasks, export formats, verify and predict as a user runs them.</summary>
public sealed class FileTaskCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("logicnets-filecli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Error) Run(params string[] args) => RunWithInput("", args);

    private static (int Code, string Out, string Error) RunWithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error, input: new StringReader(stdin));
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The table of a ∧ ¬b ∨ c over 3 inputs (plus 2 distractors), all 32 rows, as PLA.</summary>
    private string Pla(string name, Func<int, bool>? keep = null)
    {
        var rows = Enumerable.Range(0, 32).Where(r => keep?.Invoke(r) ?? true)
            .Select(r => $"{string.Concat(Enumerable.Range(0, 5).Select(i => (r >> i) & 1))} {(((r & 1) != 0 && (r & 2) == 0) || (r & 4) != 0 ? 1 : 0)}");
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, $".i 5\n.o 1\n.type fr\n{string.Join('\n', rows)}\n.e\n");
        return path;
    }

    [Fact]
    public void TrainOnAPlaFileWithASeparateTestFile()
    {
        string train = Pla("train.pla", r => r % 2 == 0 || r < 16), test = Pla("test.pla");
        string run = Path.Combine(_dir, "run");
        var (code, output, error) = Run("train", "--task", $"pla:{train}", "--test-data", test, "--model", "logic-tree", "--out", run);
        Assert.True(code == 0, error + output);
        var row = Assert.Single(RunCsv.Read(Path.Combine(run, RunFolder.RunFile)));
        Assert.Equal($"pla:{train};test={test}", row.Task);
        Assert.Equal(32, row.TestRows);
        Assert.Equal(1.0, row.TrainFraction);
        Assert.Matches("^[0-9a-f]{12}\\+[0-9a-f]{12}$", row.Data);
        Assert.Equal(Verification.Sampled, row.Verified);
        Assert.Contains("test bit accuracy", output);
    }

    [Fact]
    public void AMalformedPlaExitsTwoNamingTheLineAndWritesNothing()
    {
        string bad = Path.Combine(_dir, "bad.pla");
        File.WriteAllText(bad, ".i 2\n.o 1\n01 1\n1 0\n");
        string run = Path.Combine(_dir, "never");
        var (code, output, error) = Run("train", "--task", $"pla:{bad}", "--model", "logic-tree", "--out", run);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith($"error: {bad}:4: ", error);
        Assert.False(Directory.Exists(run));
        Assert.Equal(2, Run("train", "--task", "add:4", "--test-data", bad, "--model", "mlp").Code);
    }

    [Fact]
    public void CsvTasksChooseTheirColumns()
    {
        string csv = Path.Combine(_dir, "t.csv");
        File.WriteAllText(csv, "y,a,b\n" + string.Join('\n', Enumerable.Range(0, 4).Select(r => $"{(r & 1) ^ (r >> 1)},{r & 1},{r >> 1}")) + "\n");
        string run = Path.Combine(_dir, "csvrun");
        var (code, _, error) = Run("train", "--task", $"csv:{csv}", "--inputs", "a,b", "--outputs", "y", "--train-fraction", "1", "--model", "logic-tree", "--out", run);
        Assert.True(code == 0, error);
        var row = Assert.Single(RunCsv.Read(Path.Combine(run, RunFolder.RunFile)));
        Assert.Equal(1.0, row.TestBitAccuracy);
    }

    [Fact]
    public void ExportVerifyAndPredictARun()
    {
        string run = Path.Combine(_dir, "add");
        var (code, _, error) = Run("train", "--task", "add:3", "--model", "logic-tree", "--train-fraction", "1", "--out", run);
        Assert.True(code == 0, error);

        foreach (string format in new[] { "aig", "aag", "blif", "pla", "verilog", "c", "dot", "json" })
        {
            var export = Run("export", "--run", run, "--format", format, "--name", "adder3");
            Assert.True(export.Code == 0, export.Error);
        }
        Assert.Contains("module adder3", File.ReadAllText(Path.Combine(run, "circuit.v")));
        Assert.Contains(".model adder3", File.ReadAllText(Path.Combine(run, "circuit.blif")));
        Assert.True(File.Exists(Path.Combine(run, "circuit.h")));
        var fromJson = CircuitJson.Load(Path.Combine(run, CircuitJson.FileName));
        foreach (string file in new[] { "circuit.aig", "circuit.aag", "circuit.blif" })
            Assert.Equal(Enumerable.Range(0, 64).Select(r => fromJson.Evaluate(Bits(r, 6))), Enumerable.Range(0, 64).Select(r => CircuitFile.Load(Path.Combine(run, file)).Evaluate(Bits(r, 6))));

        // Trained on the whole table, the tree is exact: verify says so and records it.
        var verify = Run("verify", "--run", run);
        Assert.True(verify.Code == 0, verify.Error + verify.Out);
        Assert.Contains("agrees on all 64 rows", verify.Out);
        Assert.Equal(Verification.Exhaustive, Assert.Single(RunCsv.Read(Path.Combine(run, RunFolder.RunFile))).Verified);
        Assert.Equal(0, Run("verify", "--run", run, "--circuit", Path.Combine(run, "circuit.aig"), "--task", "add:3").Code);

        // Rows on stdin (the output part of a PLA body is ignored), predictions as CSV on stdout.
        var predict = RunWithInput("# rows\n000000\n111111 0101\n101000\n", "predict", "--run", run, "--data", "-");
        Assert.True(predict.Code == 0, predict.Error);
        var lines = predict.Out.Trim().Split('\n');
        Assert.Equal("x0,x1,x2,x3,x4,x5,y0,y1,y2,y3", lines[0]);
        Assert.Equal("1,1,1,1,1,1,0,1,1,1", lines[2]); // 7 + 7 = 14
        Assert.Equal("1,0,1,0,0,0,1,0,1,0", lines[3]); // 5 + 0 = 5

        // A PLA with outputs (the circuit's own table): predictions as PLA, and the accuracy against its outputs.
        var fromPla = Run("predict", "--run", run, "--data", Path.Combine(run, "circuit.pla"));
        Assert.True(fromPla.Code == 0, fromPla.Error);
        Assert.Contains(".type fr", fromPla.Out);
        Assert.Contains("bit accuracy 1.0000, exact-match 1.0000", fromPla.Error);
        // A CSV of exactly the model's inputs, and a circuit file instead of a run.
        string csv = Path.Combine(_dir, "rows.csv");
        File.WriteAllText(csv, "p,q,r,s,t,u\n1,1,1,1,1,1\n");
        var fromCsv = Run("predict", "--circuit", Path.Combine(run, "circuit.aig"), "--data", csv);
        Assert.True(fromCsv.Code == 0, fromCsv.Error);
        Assert.Equal("p,q,r,s,t,u,y0,y1,y2,y3\n1,1,1,1,1,1,0,1,1,1", fromCsv.Out.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AFullyScoredTableSaysWhetherTheModelIsTheRule()
    {
        string run = Path.Combine(_dir, "lt4");
        Assert.Equal(0, Run("train", "--task", "add:4", "--model", "logic-tree", "--train-fraction", "0.5", "--out", run).Code);
        var row = Assert.Single(RunCsv.Read(Path.Combine(run, RunFolder.RunFile)));
        // Train and test rows together are all 256 rows of add:4; the tree is wrong on some, which the row records.
        Assert.False(row.Solved);
        Assert.Equal(Verification.Counterexample, row.Verified);
        var verify = Run("verify", "--run", run);
        Assert.Equal(3, verify.Code);
        Assert.Contains("counterexample (exhaustive): a=", verify.Out);
    }

    [Fact]
    public void VerifyFindsACounterexampleInAWrongCircuit()
    {
        var broken = ReferenceCircuits.WithGate(ReferenceCircuits.RippleAdder(4), 0, LogicNets.Digital.Gates.GateOp.Or);
        string path = Path.Combine(_dir, "broken.json");
        CircuitJson.Save(broken, path);
        var (code, output, _) = Run("verify", "--circuit", path, "--task", "add:4");
        Assert.Equal(3, code);
        Assert.Contains("counterexample (exhaustive): a=1 b=1", output);
    }

    [Fact]
    public void TheIwlsSuiteRunsOnAFolderOfFunctions()
    {
        string data = Path.Combine(_dir, "iwls");
        Directory.CreateDirectory(Path.Combine(data, "train"));
        Directory.CreateDirectory(Path.Combine(data, "validation"));
        File.Copy(Pla("t.pla", r => r < 24), Path.Combine(data, "train", "ex30.train.pla"));
        File.Copy(Pla("v.pla"), Path.Combine(data, "validation", "ex30.valid.pla"));
        string output = Path.Combine(_dir, "bench");
        var (code, text, error) = Run("bench", "--suite", "iwls2020", "--data", data, "--functions", "ex30", "--models", "logic-tree", "--out", output, "--isolation", "none");
        Assert.True(code == 0, error + text);
        var function = Assert.Single(LogicNets.Harness.Csv.CsvTable.Read<Iwls2020Function>(Path.Combine(output, Iwls2020Report.FunctionsFile)));
        Assert.Equal(("ex30", "comparators", "logic-tree", true), (function.Function, function.Category, function.ChosenModel, function.WithinLimit));
        Assert.Contains("| comparators | 1 |", File.ReadAllText(Path.Combine(output, "summary.md")));
        Assert.True(File.Exists(Path.Combine(output, Iwls2020Report.PlotFile)));
        Assert.Equal(2, Run("bench", "--suite", "iwls2020", "--data", data, "--functions", "ex3x").Code);
        Assert.Equal(2, Run("bench", "--suite", "iwls2020", "--data", data, "--functions", "ex31").Code); // no such files
    }

    private static bool[] Bits(int row, int width) => Enumerable.Range(0, width).Select(i => ((row >> i) & 1) != 0).ToArray();
}
