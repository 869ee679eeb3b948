namespace LogicNets.Tasks.Definitions;

/// <summary><c>add:n[:carry]</c> — two n-bit operands (and an optional carry-in bit) to their n+1-bit sum.</summary>
public sealed class AdditionTask : BitTask
{
    /// <summary>Row keys hold 128 input bits: two 64-bit operands, or two 63-bit operands and a carry.</summary>
    public const int MaxWidth = 64;

    public AdditionTask(int width, bool carryIn)
    {
        if (width < 1 || width > MaxWidth) throw new TaskSpecException($"add width must be 1..{MaxWidth}, got {width}");
        if (carryIn && width == MaxWidth) throw new TaskSpecException($"add:{MaxWidth}:carry needs 129 input bits; at most {MaxInputWidth} are supported (add:N:carry takes N <= {MaxWidth - 1})");
        Width = width;
        CarryIn = carryIn;
    }

    public int Width { get; }

    public bool CarryIn { get; }

    public override string Name => CarryIn ? $"add:{Width}:carry" : $"add:{Width}";

    public override string Description =>
        $"a + b{(CarryIn ? " + carry-in" : "")} for {Width}-bit operands; inputs a (bits 0..{Width - 1}), b (bits {Width}..{2 * Width - 1})" +
        $"{(CarryIn ? $", carry (bit {2 * Width})" : "")}, outputs {Width + 1} sum bits, least significant first";

    public override int InputWidth => 2 * Width + (CarryIn ? 1 : 0);

    public override int OutputWidth => Width + 1;

    public override void Compute(ReadOnlySpan<byte> input, Span<byte> output)
    {
        UInt128 a = BitWord.Read(input[..Width]);
        UInt128 b = BitWord.Read(input.Slice(Width, Width));
        UInt128 carry = CarryIn ? input[2 * Width] : 0u;
        BitWord.Write(a + b + carry, output[..OutputWidth]);
    }
}
