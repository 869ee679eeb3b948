namespace LogicNets.Tasks.Definitions;

/// <summary>A task whose inputs and targets are bits: a Boolean function of at most 128 inputs.</summary>
public abstract class BitTask : LearningTask
{
    /// <summary>Row keys pack the input bits into a UInt128, which bounds the width.</summary>
    public const int MaxInputWidth = 128;

    public override TargetKind Kind => TargetKind.Bits;

    /// <summary>Computes the target bits (0/1) of one input row (0/1, bit 0 first).</summary>
    public abstract void Compute(ReadOnlySpan<byte> input, Span<byte> output);

    /// <summary>
    /// A task-specific sampling protocol (noisy-xor's fixed 5000/5000 draw with replacement), or null for
    /// the default disjoint split governed by the train fraction.
    /// </summary>
    public virtual FixedSampleProtocol? FixedProtocol => null;

    public override bool HasOwnSplit => FixedProtocol is not null;
}

/// <summary>Train and test sizes of a protocol that samples rows independently with replacement.</summary>
public sealed record FixedSampleProtocol(int TrainRows, int TestRows);
