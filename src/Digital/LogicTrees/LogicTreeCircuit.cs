using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;

namespace LogicNets.Digital.LogicTrees;

/// <summary>Logic trees as hard circuits: a split is a multiplexer, a parity leaf an XOR chain, an empty side its sibling.</summary>
public static class LogicTreeCircuit
{
    /// <summary>One circuit whose output o is tree o.</summary>
    public static HardCircuit Build(IReadOnlyList<LogicTreeNode> trees, int inputWidth)
    {
        var gates = new List<Gate>();
        int Emit(GateOp op, int a, int b)
        {
            gates.Add(new Gate(op, a, b));
            return inputWidth + gates.Count - 1;
        }

        int Node(LogicTreeNode node) => node switch
        {
            ConstantLeaf c => Emit(c.Value ? GateOp.True : GateOp.False, 0, 0),
            ParityLeaf p => Parity(p),
            SplitNode { Zero: EmptyLeaf } s => Node(s.One),
            SplitNode { One: EmptyLeaf } s => Node(s.Zero),
            SplitNode s => Mux(s),
            EmptyLeaf => Emit(GateOp.False, 0, 0), // only a tree trained on no rows at all
            _ => throw new InvalidOperationException($"unknown tree node {node.GetType().Name}"),
        };

        int Parity(ParityLeaf leaf)
        {
            int value = leaf.Bits[0];
            for (int k = 1; k < leaf.Bits.Count; k++) value = Emit(GateOp.Xor, value, leaf.Bits[k]);
            return leaf.Inverted ? Emit(GateOp.NotA, value, value) : value;
        }

        int Mux(SplitNode split)
        {
            int zero = Node(split.Zero), one = Node(split.One);
            int whenZero = Emit(GateOp.AAndNotB, zero, split.Bit);
            int whenOne = Emit(GateOp.And, one, split.Bit);
            return Emit(GateOp.Or, whenZero, whenOne);
        }

        var outputs = trees.Select(Node).ToArray();
        return CircuitSimplifier.Simplify(new HardCircuit(inputWidth, gates, outputs));
    }
}
