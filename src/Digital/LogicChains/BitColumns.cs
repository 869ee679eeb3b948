using System.Numerics;
using LogicNets.Tasks.Data;

namespace LogicNets.Digital.LogicChains;

/// <summary>A dataset's input bits and one output bit stored by column, 64 rows per word: a set of rows is a mask of the same shape.</summary>
public sealed class BitColumns
{
    public BitColumns(Dataset data, int output)
    {
        Rows = data.Rows;
        Words = (Rows + 63) / 64;
        Inputs = new ulong[data.InputWidth][];
        for (int i = 0; i < data.InputWidth; i++) Inputs[i] = new ulong[Words];
        Target = new ulong[Words];
        Cared = new ulong[Words];
        for (int r = 0; r < Rows; r++)
        {
            ulong bit = 1UL << (r & 63);
            int w = r >> 6;
            for (int i = 0; i < data.InputWidth; i++)
                if (data.Inputs[r * data.InputWidth + i] > 0.5f) Inputs[i][w] |= bit;
            int k = r * data.OutputWidth + output;
            if (data.Targets[k] > 0.5f) Target[w] |= bit;
            if (data.Cares(k)) Cared[w] |= bit;
        }
    }

    public int Rows { get; }

    public int Words { get; }

    public ulong[][] Inputs { get; }

    public ulong[] Target { get; }

    /// <summary>Rows whose output bit is specified (don't-cares take part in nothing).</summary>
    public ulong[] Cared { get; }

    public int Width => Inputs.Length;

    public static int Count(ReadOnlySpan<ulong> mask)
    {
        int n = 0;
        foreach (ulong w in mask) n += BitOperations.PopCount(w);
        return n;
    }
}
