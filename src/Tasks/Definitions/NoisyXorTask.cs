namespace LogicNets.Tasks.Definitions;

/// <summary>
/// <c>noisy-xor</c> — the Tsetlin-machine benchmark: 12 random bits, target x1 XOR x2 (bits 0 and 1), 5000 training
/// rows with 40% of their labels flipped, 5000 clean test rows, both drawn with replacement from the 4096 inputs.
/// </summary>
public sealed class NoisyXorTask : BitTask
{
    public override string Name => "noisy-xor";

    public override string Description =>
        "x1 XOR x2 among 12 bits (10 distractors); 5000 train rows with 40% flipped labels, 5000 clean test rows, sampled with replacement";

    public override int InputWidth => 12;

    public override int OutputWidth => 1;

    public override double DefaultNoise => 0.4;

    public override FixedSampleProtocol FixedProtocol { get; } = new(5000, 5000);

    public override void Compute(ReadOnlySpan<byte> input, Span<byte> output) => output[0] = (byte)(input[0] ^ input[1]);
}
