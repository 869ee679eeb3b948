using LogicNets.Tasks.Data;

namespace LogicNets.Digital.LogicTrees;

/// <summary>
/// Input rows of any width packed 64 bits to a word, with a 64-bit hash per row that is the XOR of one random
/// number per set bit — so the hash of a row with bit i flipped is one XOR away, which is how a tree finds the
/// pairs of rows that differ in a single bit without building the partner row.
/// </summary>
public sealed class BitRows
{
    private readonly ulong[] _words;
    private readonly ulong[] _bitHash;

    public BitRows(int count, int width, Func<int, int, bool> bit)
    {
        Count = count;
        Width = width;
        WordsPerRow = (width + 63) / 64;
        _words = new ulong[count * WordsPerRow];
        var rng = new SplitMix64(0x6c6f676963747265); // fixed: the hashes only need to differ, not to vary
        _bitHash = Enumerable.Range(0, width).Select(_ => rng.NextUInt64()).ToArray();
        Hashes = new ulong[count];
        for (int r = 0; r < count; r++)
            for (int i = 0; i < width; i++)
                if (bit(r, i))
                {
                    _words[r * WordsPerRow + (i >> 6)] |= 1UL << (i & 63);
                    Hashes[r] ^= _bitHash[i];
                }
    }

    public static BitRows From(IReadOnlyList<UInt128> keys, int width) => new(keys.Count, width, (r, i) => ((keys[r] >> i) & 1) != 0);

    public static BitRows From(Dataset data) => new(data.Rows, data.InputWidth, (r, i) => data.Inputs[r * data.InputWidth + i] > 0.5f);

    public int Count { get; }

    public int Width { get; }

    public int WordsPerRow { get; }

    /// <summary>Per row: the XOR of the random numbers of its set bits.</summary>
    public ulong[] Hashes { get; }

    public bool Bit(int row, int i) => ((_words[row * WordsPerRow + (i >> 6)] >> (i & 63)) & 1) != 0;

    public ulong HashOfBit(int i) => _bitHash[i];

    /// <summary>Whether rows a and b differ exactly in bit i (and nowhere else).</summary>
    public bool DifferOnlyIn(int a, int b, int i)
    {
        for (int w = 0; w < WordsPerRow; w++)
        {
            ulong diff = _words[a * WordsPerRow + w] ^ _words[b * WordsPerRow + w];
            if (diff != (w == i >> 6 ? 1UL << (i & 63) : 0)) return false;
        }
        return true;
    }

    /// <summary>Whether rows a and b are the same input.</summary>
    public bool Same(int a, int b) => _words.AsSpan(a * WordsPerRow, WordsPerRow).SequenceEqual(_words.AsSpan(b * WordsPerRow, WordsPerRow));
}
