using System.Numerics;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Distillation;

namespace LogicNets.Tests.Digital;

public class TableBddTests
{
    private static bool[] Table(int inputs, Func<int, bool> rule) => Enumerable.Range(0, 1 << inputs).Select(rule).ToArray();

    private static void AssertCircuitIsTable(bool[] table, int inputs, TableBdd.Diagram diagram)
    {
        var gates = new List<Gate>();
        int output = TableBdd.Emit(diagram, gates, inputs);
        var circuit = CircuitSimplifier.Simplify(new HardCircuit(inputs, gates, [output]));
        for (int r = 0; r < table.Length; r++)
            Assert.Equal(table[r], circuit.Evaluate(Enumerable.Range(0, inputs).Select(i => ((r >> i) & 1) != 0).ToArray())[0]);
    }

    [Fact]
    public void ASymmetricFunctionHasAQuadraticDiagramAndTheCircuitIsItsTable()
    {
        // "between 5 and 9 ones among 14 inputs": a decision tree needs thousands of leaves, the diagram at most n² nodes.
        var table = Table(14, r => BitOperations.PopCount((uint)r) is >= 5 and <= 9);
        var diagram = TableBdd.Build(table, 14);
        Assert.True(diagram.NodeCount <= 14 * 14, $"{diagram.NodeCount} nodes");
        AssertCircuitIsTable(table, 14, diagram);
    }

    [Fact]
    public void TheOrderSearchKeepsTheSmallestDiagramAndItIsStillTheTable()
    {
        // x0 = x7 ∧ x1 = x8 ∧ … : 2·7 interleaved bits are cheap, bits 0..6 before 7..13 are exponential.
        var table = Table(14, r => (r & 0x7f) == (r >> 7));
        var natural = TableBdd.Build(table, 14);
        var interleaved = TableBdd.Build(table, 14, [0, 7, 1, 8, 2, 9, 3, 10, 4, 11, 5, 12, 6, 13]);
        Assert.True(interleaved.NodeCount < natural.NodeCount / 4, $"{interleaved.NodeCount} vs {natural.NodeCount}");
        var smallest = TableBdd.Smallest(table, 14, randomOrders: 8, seed: 1);
        Assert.True(smallest.NodeCount <= natural.NodeCount);
        AssertCircuitIsTable(table, 14, interleaved);
        AssertCircuitIsTable(table, 14, smallest);
    }
}
