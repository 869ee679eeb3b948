using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;
using static LogicNets.Tests.Support.DotnetProcess;

namespace LogicNets.Tests.Examples;

/// <summary>
/// The three programs in examples/ build and run against the public API as a user would run them, each short; the
/// property example passes on a learned adder and fails with a shrunk counterexample on an adder that is not exact.
/// </summary>
public class ExamplesTests
{
    private static readonly string Root = RepositoryRoot();

    [Theory]
    [InlineData("examples/TrainAndExport/Program.cs")]
    [InlineData("examples/SweepVerdict/Program.cs")]
    [InlineData("examples/AdderProperties/AdderLaws.cs")]
    public void EachExampleIsShort(string file) => Assert.InRange(File.ReadAllLines(Path.Combine(Root, file)).Length, 1, 40);

    [Fact]
    public void TrainAndExportWritesAnExactCircuit()
    {
        string output = Directory.CreateTempSubdirectory("logicnets-example-").FullName;
        try
        {
            var run = Dotnet(Root, "run", "--project", "examples/TrainAndExport", "--", output);
            Assert.True(run.Code == 0, run.Output);
            Assert.Contains("exact-match 1.000", run.Output);
            var circuit = CircuitFile.Load(Path.Combine(output, "parity_circuit.json"));
            Assert.Equal(10, circuit.InputCount);
            Assert.True(File.Exists(Path.Combine(output, "parity_circuit.v")) && File.Exists(Path.Combine(output, "parity_circuit.blif")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void SweepVerdictPrintsAVerdictWithItsReason()
    {
        var run = Dotnet(Root, "run", "--project", "examples/SweepVerdict");
        Assert.True(run.Code == 0, run.Output);
        Assert.Equal(18, run.Output.Split('\n').Count(line => line.StartsWith("size ")));
        Assert.Matches(@"verdict: (jump|sigmoid|flat|inconclusive) — \S", run.Output);
    }

    [Fact]
    public void AdderPropertiesPassOnALearnedAdderAndShrinkACounterexampleOfABrokenOne()
    {
        var learned = Dotnet(Root, "test", "examples/AdderProperties");
        Assert.True(learned.Code == 0, learned.Output);
        Assert.Contains("Passed:     4", learned.Output);

        // A cell that forgets its carry-in: commutative, zero-neutral and consistent across widths, yet not an adder.
        string cell = Path.Combine(Path.GetTempPath(), $"logicnets-broken-cell-{Guid.NewGuid():N}.json");
        CircuitJson.Save(new HardCircuit(3, [new Gate(GateOp.Xor, 0, 1), new Gate(GateOp.And, 0, 1)], [3, 4]), cell);
        try
        {
            var broken = Run(Root, "dotnet", new Dictionary<string, string> { ["LOGICNETS_ADDER_CELL"] = cell }, "test", "examples/AdderProperties", "--no-build");
            Assert.NotEqual(0, broken.Code);
            Assert.Contains("AdderLaws.AddsCorrectly", broken.Output);
            Assert.Contains("Falsifiable", broken.Output);
            // The shrunk pair is no larger than the one first found and still needs a carry (a & b != 0): the smallest
            // input that shows the missing carry-in, as FsCheck reports it.
            var pairs = System.Text.RegularExpressions.Regex.Match(broken.Output, @"Original:\s*\((\d+)uy, (\d+)uy\)\s*Shrunk:\s*\((\d+)uy, (\d+)uy\)");
            Assert.True(pairs.Success, broken.Output);
            int[] v = Enumerable.Range(1, 4).Select(i => int.Parse(pairs.Groups[i].Value)).ToArray();
            Assert.True(v[2] <= v[0] && v[3] <= v[1] && (v[2] & v[3]) != 0, $"original ({v[0]}, {v[1]}), shrunk ({v[2]}, {v[3]})");
            Assert.Contains("Failed:     1, Passed:     3", broken.Output);
        }
        finally
        {
            File.Delete(cell);
        }
    }
}
