namespace LogicNets.Tasks.Definitions;

/// <summary><c>mul:n</c> — two n-bit operands to their 2n-bit product.</summary>
public sealed class MultiplicationTask : BitTask
{
    public const int MaxWidth = 64;

    public MultiplicationTask(int width)
    {
        if (width < 1 || width > MaxWidth) throw new TaskSpecException($"mul width must be 1..{MaxWidth}, got {width}");
        Width = width;
    }

    public int Width { get; }

    public override string Name => $"mul:{Width}";

    public override string Description =>
        $"a × b for {Width}-bit operands; inputs a (bits 0..{Width - 1}), b (bits {Width}..{2 * Width - 1}), outputs {2 * Width} product bits, least significant first";

    public override int InputWidth => 2 * Width;

    public override int OutputWidth => 2 * Width;

    public override void Compute(ReadOnlySpan<byte> input, Span<byte> output)
    {
        UInt128 a = BitWord.Read(input[..Width]);
        UInt128 b = BitWord.Read(input.Slice(Width, Width));
        BitWord.Write(a * b, output[..OutputWidth]);
    }
}
