namespace LogicNets.Digital.LogicTrees;

/// <summary>A node of a logic tree: a split on one input bit, or a leaf.</summary>
public abstract record LogicTreeNode
{
    /// <summary>Nodes in this subtree.</summary>
    public abstract int Count { get; }
}

/// <summary>Rows with bit <see cref="Bit"/> = 0 go to <see cref="Zero"/>, = 1 to <see cref="One"/>.</summary>
public sealed record SplitNode(int Bit, LogicTreeNode Zero, LogicTreeNode One) : LogicTreeNode
{
    public override int Count => 1 + Zero.Count + One.Count;
}

/// <summary>A constant output.</summary>
public sealed record ConstantLeaf(bool Value) : LogicTreeNode
{
    public override int Count => 1;
}

/// <summary>Output = XOR of <see cref="Bits"/>, inverted when <see cref="Inverted"/> (the output at the all-zero address is 1).</summary>
public sealed record ParityLeaf(IReadOnlyList<int> Bits, bool Inverted) : LogicTreeNode
{
    public override int Count => 1;
}

/// <summary>No training row reached this node: it answers as its sibling subtree does (the parent's split bit flipped).</summary>
public sealed record EmptyLeaf : LogicTreeNode
{
    public static readonly EmptyLeaf Instance = new();

    public override int Count => 1;
}
