namespace LogicNets.Tasks.Definitions;

/// <summary><c>parity:n:k</c> — the parity of a hidden k-subset of n input bits.</summary>
/// <remarks>The subset is fixed by the task name (not the run seed), so every run of a task learns the same rule.</remarks>
public sealed class ParityTask : BitTask
{
    public ParityTask(int inputs, int subset)
    {
        if (inputs < 1 || inputs > MaxInputWidth) throw new TaskSpecException($"parity input count must be 1..{MaxInputWidth}, got {inputs}");
        if (subset < 1 || subset > inputs) throw new TaskSpecException($"parity subset size k must be 1..n ({inputs}), got {subset}");
        Inputs = inputs;
        SubsetSize = subset;
        HiddenBits = HiddenGroups.Choose(inputs, subset, seed: 7919 * inputs + subset);
    }

    public int Inputs { get; }

    public int SubsetSize { get; }

    /// <summary>The input positions whose parity is the target, ascending.</summary>
    public IReadOnlyList<int> HiddenBits { get; }

    public override string Name => $"parity:{Inputs}:{SubsetSize}";

    public override string Description =>
        $"parity (XOR) of {SubsetSize} hidden bits out of {Inputs}; hidden positions {string.Join(",", HiddenBits)}";

    public override int InputWidth => Inputs;

    public override int OutputWidth => 1;

    public override void Compute(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int parity = 0;
        foreach (int bit in HiddenBits) parity ^= input[bit];
        output[0] = (byte)parity;
    }
}
