namespace LogicNets.Tasks.Definitions;

/// <summary>Reads and writes unsigned integers stored as little-endian 0/1 byte spans.</summary>
public static class BitWord
{
    public static UInt128 Read(ReadOnlySpan<byte> bits)
    {
        if (bits.Length > 128) throw new ArgumentException($"A word has at most 128 bits, got {bits.Length}.");
        UInt128 value = 0;
        for (int i = bits.Length - 1; i >= 0; i--) value = (value << 1) | (UInt128)(bits[i] & 1);
        return value;
    }

    public static void Write(UInt128 value, Span<byte> bits)
    {
        for (int i = 0; i < bits.Length; i++) bits[i] = (byte)((value >> i) & 1);
    }
}
