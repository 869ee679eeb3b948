using LogicNets.Tasks;
using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Digital.Export;
using LogicNets.Tests.Support;
using LogicNets.Digital.Gates;

namespace LogicNets.Tests.Digital;

public class HardCircuitTests
{
    /// <summary>Every input combination of a circuit with few inputs, packed.</summary>
    private static PackedBits AllInputs(int inputs)
    {
        int rows = 1 << inputs;
        var packed = new PackedBits(inputs, rows);
        for (int r = 0; r < rows; r++)
            for (int i = 0; i < inputs; i++)
                if (((r >> i) & 1) != 0) packed.Set(i, r, true);
        return packed;
    }

    private static ulong[] Truth(HardCircuit circuit) =>
        new SimdEvaluator().Evaluate(new CompiledCircuit(circuit), AllInputs(circuit.InputCount)).Data;

    [Property(MaxTest = 150)]
    public Property SimplificationNeverChangesTheFunction() =>
        Prop.ForAll(RandomCircuits.Gen(maxInputs: 10, maxGates: 200).ToArbitrary(), circuit =>
        {
            var simplified = CircuitSimplifier.Simplify(circuit);
            return Truth(simplified).SequenceEqual(Truth(circuit)) && simplified.Gates.Count <= circuit.Gates.Count + 2;
        });

    [Fact]
    public void SimplificationFoldsConstantsAndRemovesDeadAndPassThroughGates()
    {
        // x0 AND FALSE → 0; OR(x1, 0) → x1; pass-through of x1; a dead XOR; output = NOT(x1) via XNOR(x1, 0)...
        var circuit = new HardCircuit(2, [
            new Gate(GateOp.False, 0, 0),     // n2 = FALSE
            new Gate(GateOp.And, 0, 2),       // n3 = x0 AND n2 = 0
            new Gate(GateOp.Or, 1, 3),        // n4 = x1 OR 0 = x1
            new Gate(GateOp.A, 4, 0),         // n5 = pass n4 = x1
            new Gate(GateOp.Xor, 0, 1),       // n6 = dead XOR
            new Gate(GateOp.Xor, 5, 1),       // n7 = x1 XOR x1 = 0
            new Gate(GateOp.Xnor, 5, 3),      // n8 = XNOR(x1, 0) = NOT x1
        ], [5, 7, 8]);
        var simplified = CircuitSimplifier.Simplify(circuit);
        Assert.Equal(Truth(circuit), Truth(simplified));
        Assert.Equal(1, simplified.LogicGateCount); // only NOT x1 computes anything
        Assert.Equal(1, simplified.Outputs[0]);     // output 0 is input x1 itself
    }

    [Property(MaxTest = 60)]
    public Property JsonRoundTripEvaluatesIdentically() =>
        Prop.ForAll(RandomCircuits.Gen(maxInputs: 10, maxGates: 150).ToArbitrary(), circuit =>
        {
            var loaded = CircuitJson.Parse(CircuitJson.Serialize(circuit));
            return loaded.InputCount == circuit.InputCount && loaded.Gates.SequenceEqual(circuit.Gates)
                   && loaded.Outputs.SequenceEqual(circuit.Outputs) && Truth(loaded).SequenceEqual(Truth(circuit));
        });

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "top level must be an object")]
    [InlineData("{\"format\":\"other\",\"version\":1,\"inputs\":2,\"gates\":[],\"outputs\":[0]}", "\"format\" must be")]
    [InlineData("{\"format\":\"logicnets-hard-circuit\",\"version\":9,\"inputs\":2,\"gates\":[],\"outputs\":[0]}", "unsupported version")]
    [InlineData("{\"format\":\"logicnets-hard-circuit\",\"version\":1,\"gates\":[],\"outputs\":[0]}", "missing field \"inputs\"")]
    [InlineData("{\"format\":\"logicnets-hard-circuit\",\"version\":1,\"inputs\":2,\"gates\":[[\"NAND\",0,5]],\"outputs\":[2]}", "only read earlier nodes")]
    [InlineData("{\"format\":\"logicnets-hard-circuit\",\"version\":1,\"inputs\":2,\"gates\":[[\"MAYBE\",0,1]],\"outputs\":[2]}", "unknown gate 'MAYBE'")]
    [InlineData("{\"format\":\"logicnets-hard-circuit\",\"version\":1,\"inputs\":2,\"gates\":[[\"AND\",0]],\"outputs\":[2]}", "gate 0 must be")]
    [InlineData("{\"format\":\"logicnets-hard-circuit\",\"version\":1,\"inputs\":2,\"gates\":[],\"outputs\":[7]}", "output 0 names node 7")]
    [InlineData("{\"format\":\"logicnets-hard-circuit\",\"version\":1,\"inputs\":\"two\",\"gates\":[],\"outputs\":[0]}", "inputs must be a whole number")]
    [InlineData("{\"format\":\"logicnets-hard-circuit\",\"version\":1,\"inputs\":0,\"gates\":[],\"outputs\":[0]}", "at least one input")]
    public void MalformedCircuitFilesAreRejectedWithTheReason(string json, string reason)
    {
        var error = Assert.Throws<UserInputException>(() => CircuitJson.Parse(json, "bad.json"));
        Assert.Contains("bad.json", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void VerilogAndDotNameEveryGateAndOutput()
    {
        var circuit = new HardCircuit(2, [new Gate(GateOp.Xor, 0, 1), new Gate(GateOp.And, 0, 1)], [2, 3]);
        string verilog = VerilogExporter.Export(circuit);
        Assert.Contains("module logicnets_circuit (input wire [1:0] x, output wire [1:0] y);", verilog);
        Assert.Contains("assign g[0] = x[0] ^ x[1];", verilog);
        Assert.Contains("assign g[1] = x[0] & x[1];", verilog);
        Assert.Contains("assign y[1] = g[1];", verilog);
        Assert.EndsWith("endmodule\n", verilog.Replace("\r", ""));
        string dot = DotExporter.Export(circuit);
        Assert.Contains("n2 [label=\"XOR\", shape=box];", dot);
        Assert.Contains("n3 -> y1;", dot);
    }

    [Fact]
    public void ExportedCCompilesAndComputesWhatTheEvaluatorComputes()
    {
        var circuit = RandomCircuits.Make(seed: 5, inputs: 6, gates: 80, outputs: 3);
        string dir = Directory.CreateTempSubdirectory("logicnets-c-").FullName;
        try
        {
            var inputs = AllInputs(6); // 64 samples: one word per input
            var expected = new SimdEvaluator().Evaluate(new CompiledCircuit(circuit), inputs).Data;
            string main = "#include <stdio.h>\n#include <stdint.h>\n" + CExporter.Export(circuit) +
                "int main(void){ uint64_t x[6] = {" + string.Join(",", inputs.Data.Select(w => $"UINT64_C({w})")) + "}; uint64_t y[3];\n" +
                " logicnets_circuit(x, y); for (int o = 0; o < 3; o++) printf(\"%llu\\n\", (unsigned long long)y[o]); return 0; }\n";
            File.WriteAllText(Path.Combine(dir, "c.c"), main);
            Run("gcc", $"-std=c99 -Wall -Werror -O1 -o {dir}/c {dir}/c.c");
            var printed = Run($"{dir}/c", "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ulong.Parse);
            Assert.Equal(expected, printed);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Run(string file, string args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {args} failed: {error}");
        return output;
    }
}
