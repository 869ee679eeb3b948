using LogicNets.Tasks.Data;

namespace LogicNets.Digital.Evaluation;

/// <summary>
/// Bits of many samples packed along the batch: lane i (an input or output bit) holds <see cref="Words"/> words,
/// bit k of word w is sample 64·w + k. Bits past <see cref="Samples"/> are zero.
/// </summary>
public sealed class PackedBits
{
    public PackedBits(int lanes, int samples, ulong[]? data = null)
    {
        if (lanes < 0 || samples < 0) throw new ArgumentException("lanes and samples must be >= 0");
        Lanes = lanes;
        Samples = samples;
        Words = (samples + 63) / 64;
        Data = data ?? new ulong[(long)lanes * Words];
        if (Data.LongLength != (long)lanes * Words) throw new ArgumentException($"expected {lanes}×{Words} words, got {Data.LongLength}");
    }

    public int Lanes { get; }

    public int Samples { get; }

    public int Words { get; }

    public ulong[] Data { get; }

    /// <summary>The valid bits of the last word of a lane.</summary>
    public ulong TailMask => Samples % 64 == 0 ? ulong.MaxValue : (1UL << (Samples % 64)) - 1;

    public bool Get(int lane, int sample) => ((Data[lane * Words + sample / 64] >> (sample % 64)) & 1) != 0;

    public void Set(int lane, int sample, bool value)
    {
        ref ulong word = ref Data[lane * Words + sample / 64];
        if (value) word |= 1UL << (sample % 64);
        else word &= ~(1UL << (sample % 64));
    }

    /// <summary>Clears the bits past the last sample in every lane (evaluators call this on their outputs).</summary>
    public void ClearTails()
    {
        if (Words == 0) return;
        for (int lane = 0; lane < Lanes; lane++) Data[lane * Words + Words - 1] &= TailMask;
    }

    /// <summary>Packs a dataset's 0/1 inputs (lanes = input bits).</summary>
    public static PackedBits FromInputs(Dataset data) => FromRows(data.Inputs, data.Rows, data.InputWidth);

    /// <summary>Packs a dataset's 0/1 targets (lanes = output bits).</summary>
    public static PackedBits FromTargets(Dataset data) => FromRows(data.Targets, data.Rows, data.OutputWidth);

    /// <summary>Packs row-major 0/1 values (above 0.5 counts as 1).</summary>
    public static PackedBits FromRows(float[] values, int rows, int width)
    {
        var packed = new PackedBits(width, rows);
        for (int r = 0; r < rows; r++)
            for (int i = 0; i < width; i++)
                if (values[(long)r * width + i] > 0.5f) packed.Data[i * packed.Words + r / 64] |= 1UL << (r % 64);
        return packed;
    }

    /// <summary>Unpacks output lanes into row-major 0/1 floats, the layout of a dataset's targets.</summary>
    public float[] ToRows()
    {
        var rows = new float[(long)Samples * Lanes];
        for (int lane = 0; lane < Lanes; lane++)
            for (int s = 0; s < Samples; s++)
                if (Get(lane, s)) rows[(long)s * Lanes + lane] = 1;
        return rows;
    }
}
