using LogicNets.Digital.Aig;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Export;
using LogicNets.Digital.Gates;
using LogicNets.Tasks;
using LogicNets.Tasks.Tables;
using LogicNets.Tests.Support;

namespace LogicNets.Tests.Digital;

public class CircuitFormatTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("logicnets-formats-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Every row of two circuits of the same shape agrees.</summary>
    private static void AssertSameFunction(HardCircuit expected, HardCircuit actual)
    {
        Assert.Equal(expected.InputCount, actual.InputCount);
        Assert.Equal(expected.Outputs.Count, actual.Outputs.Count);
        for (int row = 0; row < 1 << expected.InputCount; row++)
        {
            var input = Enumerable.Range(0, expected.InputCount).Select(i => ((row >> i) & 1) != 0).ToArray();
            Assert.Equal(expected.Evaluate(input), actual.Evaluate(input));
        }
    }

    [Fact]
    public void EveryGateBecomesAnAigOfTheSameFunction()
    {
        foreach (var op in GateOps.All)
        {
            var circuit = new HardCircuit(2, [new Gate(op, 0, 1)], [2]);
            var graph = AndInverterGraph.FromCircuit(circuit);
            AssertSameFunction(circuit, graph.ToCircuit());
            int expectedAnds = op is GateOp.Xor or GateOp.Xnor ? 3 : op.Dependencies() == (true, true) ? 1 : 0;
            Assert.Equal(expectedAnds, graph.AndCount);
        }
    }

    [Theory]
    [InlineData(".aag")]
    [InlineData(".aig")]
    [InlineData(".blif")]
    [InlineData(".json")]
    public void RandomCircuitsSurviveAWriteAndARead(string extension)
    {
        for (int seed = 0; seed < 40; seed++)
        {
            var circuit = RandomCircuits.Make(seed, 1 + seed % 8, 3 * seed, 1 + seed % 4);
            string path = Path.Combine(_dir, $"c{seed}{extension}");
            var export = CircuitExports.All.Single(f => f.Extension == extension);
            File.WriteAllBytes(path, export.Write(circuit, "roundtrip", "c").Single().Content);
            AssertSameFunction(circuit, CircuitFile.Load(path));
        }
    }

    [Fact]
    public void StructuralHashingSharesRepeatedLogic()
    {
        // Two identical XORs and an AND of equal inputs: one XOR's three ANDs, nothing else.
        var circuit = new HardCircuit(2, [new Gate(GateOp.Xor, 0, 1), new Gate(GateOp.Xor, 1, 0), new Gate(GateOp.And, 2, 3)], [4]);
        Assert.Equal(3, AndInverterGraph.FromCircuit(circuit).AndCount);
    }

    [Fact]
    public void PlaExportListsTheWholeTable()
    {
        var adder = ReferenceCircuits.RippleAdder(3);
        string path = Path.Combine(_dir, "adder.pla");
        File.WriteAllText(path, CircuitExports.Pla(adder, "adder3"));
        var table = PlaFormat.Read(path);
        Assert.Equal(64, table.Rows);
        for (int r = 0; r < 64; r++)
        {
            int a = (r & 7), b = r >> 3, sum = a + b;
            for (int o = 0; o < 4; o++) Assert.Equal((sum >> o) & 1, table.Outputs[r * 4 + o]);
        }
        Assert.Throws<UserInputException>(() => CircuitExports.Pla(RandomCircuits.Make(1, 17, 5, 1), "wide"));
    }

    [Theory]
    [InlineData("aag 3 1 1 1 1\n2\n4 2\n6\n6 2 4\n", "latches")]
    [InlineData("aag 2 1 0 1 1\n2\n4\n4 5 2\n", "not defined before it")]
    [InlineData("hello\n", "the first line must be")]
    public void MalformedAigerIsRefusedWithTheProblem(string text, string problem)
    {
        string path = Path.Combine(_dir, "bad.aag");
        File.WriteAllText(path, text);
        var e = Assert.Throws<UserInputException>(() => CircuitFile.Load(path));
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void BlifCoversOfAnyFanInAndOrderAreRead()
    {
        string path = Path.Combine(_dir, "maj.blif");
        // y is defined before the signal it reads; maj has three inputs; z is an OFF-set cover (z = ¬(a∧b)).
        File.WriteAllText(path, ".model m\n.inputs a b c\n.outputs y z\n.names m y\n1 1\n.names a b c m\n11- 1\n1-1 1\n-11 1\n.names a b z\n11 0\n.end\n");
        var circuit = CircuitFile.Load(path);
        for (int row = 0; row < 8; row++)
        {
            bool a = (row & 1) != 0, b = (row & 2) != 0, c = (row & 4) != 0;
            Assert.Equal(new[] { (a && b) || (a && c) || (b && c), !(a && b) }, circuit.Evaluate([a, b, c]));
        }
        File.WriteAllText(path, ".model m\n.inputs a\n.outputs y\n.latch a y 0\n.end\n");
        Assert.Contains(".latch", Assert.Throws<UserInputException>(() => CircuitFile.Load(path)).Message);
    }

    [Fact]
    public void CExportComesWithItsHeader()
    {
        var files = CircuitExports.Get("c").Write(ReferenceCircuits.RippleAdder(2), "add2", "circuit");
        Assert.Equal([".c", ".h"], files.Select(f => f.Extension));
        string source = System.Text.Encoding.UTF8.GetString(files[0].Content), header = System.Text.Encoding.UTF8.GetString(files[1].Content);
        Assert.Contains("#include \"circuit.h\"", source);
        Assert.Contains("void add2(const uint64_t x[4], uint64_t y[3]);", header);
        Assert.Throws<UserInputException>(() => CircuitExports.CheckName("2bad name"));
    }
}
