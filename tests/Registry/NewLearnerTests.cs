using LogicNets.Cli;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;
using LogicNets.Digital.Learners;
using LogicNets.Harness.Registry;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Registry;

/// <summary>
/// The extension path, taken by a learner that lives only here: its class (below) and one registry line (the
/// catalog) are all it takes for the command line to list it, train it, save and export its circuit, and name it
/// in the lists of circuit learners — no file of the toolkit changes.
/// </summary>
public sealed class NewLearnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("logicnets-newlearner-").FullName;

    /// <summary>
    /// <c>majority-bit</c>: each output is the constant its training labels mostly are — the smallest circuit learner
    /// there is, and a real baseline for skewed outputs.
    /// </summary>
    private sealed class MajorityBitLearner(LearnerRequest request) : CircuitLearner(Descriptor.Name, request, "unused, any value >= 1")
    {
        public static readonly ModelDescriptor Descriptor = new(
            "majority-bit", "each output bit is the constant most of its training labels are", "unused",
            LearnerTraits.BitTargets | LearnerTraits.Circuit, r => new MajorityBitLearner(r));

        public override long? ParameterCount => Circuit is null ? null : Circuit.Outputs.Count;

        protected override (FitReport, HardCircuit?) Train(Dataset train, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation)
        {
            var gates = new List<Gate> { new(GateOp.False, 0, 0), new(GateOp.True, 0, 0) };
            var outputs = Enumerable.Range(0, train.OutputWidth)
                .Select(o => Enumerable.Range(0, train.Rows).Count(r => train.TargetRow(r)[o] > 0.5f) * 2 > train.Rows ? train.InputWidth + 1 : train.InputWidth)
                .ToArray();
            return (new FitReport(RunStatus.Ok, 1, double.NaN, train.Rows), new HardCircuit(train.InputWidth, gates, outputs));
        }
    }

    /// <summary>The one registry line: the built-in learners and the new one.</summary>
    private static readonly ModelCatalog Catalog = new([.. BuiltInModels.Catalog.All, MajorityBitLearner.Descriptor]);

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error, Catalog);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void ANewLearnerNeedsOnlyItsClassAndARegistryLine()
    {
        var (code, models, _) = Run("models");
        Assert.Equal(0, code);
        Assert.Contains("majority-bit", models);
        Assert.Contains("supports: bit tasks, hard circuit (export)", models);

        // mix:and2:d2 has one output, 1 in a quarter of the rows: the learner answers 0 everywhere.
        string run = Path.Combine(_dir, "run");
        var (trained, output, error) = Run("train", "--task", "mix:and2:d2", "--model", "majority-bit", "--size", "1", "--train-fraction", "1", "--out", run);
        Assert.True(trained == 0, error);
        Assert.Contains("test bit accuracy    0.7500", output);
        var row = Assert.Single(RunCsv.Read(Path.Combine(run, RunFolder.RunFile)));
        Assert.Equal(RunStatus.Ok, row.Status);
        Assert.Equal(1L, row.Params);
        Assert.Equal(0L, row.Gates);
        Assert.True(File.Exists(Path.Combine(run, CircuitJson.FileName)));

        var (exported, _, exportError) = Run("export", "--run", run, "--format", "verilog");
        Assert.True(exported == 0, exportError);
        Assert.Contains("assign y[0] = g[0];", File.ReadAllText(Path.Combine(run, "circuit.v")));

        // Lists in errors come from the catalog's traits: the new learner is among the circuit learners…
        var (_, _, noCircuit) = Run("export", "--run", _dir, "--format", "c");
        Assert.Contains("majority-bit", noCircuit);
        Assert.Contains("logic-tree", noCircuit);
        // …and not among those diagnose can inspect.
        var (refused, _, notInspectable) = Run("diagnose", "--task", "add:2", "--model", "majority-bit", "--out", Path.Combine(_dir, "d"));
        Assert.Equal(2, refused);
        Assert.Contains("diagnose covers mlp, mlp-parammo, product, spl", notInspectable);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
