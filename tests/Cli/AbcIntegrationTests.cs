using System.Text.RegularExpressions;
using LogicNets.Cli;
using LogicNets.Digital.Aig;
using LogicNets.Digital.Circuits;
using LogicNets.Tests.Support;

namespace LogicNets.Tests.Cli;

/// <summary>The field's own tool reads what we write: Berkeley ABC proves our AIGER and BLIF equivalent and counts our AND nodes.</summary>
public sealed class AbcIntegrationTests : IDisposable
{
    private const string Abc = "berkeley-abc";
    private readonly string _dir = Directory.CreateTempSubdirectory("logicnets-abc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RequiresToolFact(Abc, "berkeley-abc")]
    public void AbcProvesOurAigerAndBlifEquivalentAndCountsOurAndNodes()
    {
        string run = Path.Combine(_dir, "run");
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.True(CliApp.Run(["train", "--task", "add:4", "--model", "logic-tree", "--train-fraction", "0.5", "--out", run], output, error) == 0, error.ToString());
        foreach (string format in new[] { "aig", "blif", "pla" })
            Assert.True(CliApp.Run(["export", "--run", run, "--format", format, "--name", "learned_add4"], output, error) == 0, error.ToString());
        string aig = Path.Combine(run, "circuit.aig"), blif = Path.Combine(run, "circuit.blif"), pla = Path.Combine(run, "circuit.pla");

        var (_, cec) = ExternalTool.Run(Abc, "-c", $"cec {aig} {blif}");
        Assert.Contains("Networks are equivalent", cec);
        var (_, fromPla) = ExternalTool.Run(Abc, "-c", $"read_pla {pla}; strash; cec {aig}");
        Assert.Contains("Networks are equivalent", fromPla);

        var (_, stats) = ExternalTool.Run(Abc, "-c", $"read {aig}; strash; print_stats");
        int ours = AndInverterGraph.FromCircuit(CircuitJson.Load(Path.Combine(run, CircuitJson.FileName))).AndCount;
        var and = Regex.Match(stats, @"and\s*=\s*(\d+)");
        Assert.True(and.Success, stats);
        Assert.Equal(ours, int.Parse(and.Groups[1].Value));

        // And a deliberately different circuit is told apart.
        var wrong = ReferenceCircuits.WithGate(ReferenceCircuits.RippleAdder(4), 0, LogicNets.Digital.Gates.GateOp.Or);
        string other = Path.Combine(_dir, "wrong.aig");
        File.WriteAllBytes(other, AigerFormat.Write(AndInverterGraph.FromCircuit(wrong), true, "wrong"));
        var (_, differ) = ExternalTool.Run(Abc, "-c", $"cec {aig} {other}");
        Assert.Contains("Networks are NOT EQUIVALENT", differ);
    }
}
