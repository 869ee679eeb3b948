using LogicNets.Tasks.Definitions;

namespace LogicNets.Tasks.Data;

/// <summary>Rows of inputs and targets, stored row-major as floats (0/1 for bits) ready to become tensors.</summary>
public sealed class Dataset
{
    public Dataset(int rows, int inputWidth, int outputWidth, float[] inputs, float[] targets, TargetKind kind)
    {
        if (inputs.Length != (long)rows * inputWidth) throw new ArgumentException($"inputs hold {inputs.Length} values, expected {rows}×{inputWidth}");
        if (targets.Length != (long)rows * outputWidth) throw new ArgumentException($"targets hold {targets.Length} values, expected {rows}×{outputWidth}");
        Rows = rows;
        InputWidth = inputWidth;
        OutputWidth = outputWidth;
        Inputs = inputs;
        Targets = targets;
        Kind = kind;
    }

    public int Rows { get; }

    public int InputWidth { get; }

    public int OutputWidth { get; }

    public float[] Inputs { get; }

    public float[] Targets { get; }

    public TargetKind Kind { get; }

    public ReadOnlySpan<float> InputRow(int row) => Inputs.AsSpan(row * InputWidth, InputWidth);

    public ReadOnlySpan<float> TargetRow(int row) => Targets.AsSpan(row * OutputWidth, OutputWidth);

    /// <summary>The input bits of a row packed into one number: the row's identity in the truth table.</summary>
    public UInt128 Key(int row)
    {
        if (Kind != TargetKind.Bits) throw new InvalidOperationException("only bit datasets have row keys");
        var input = InputRow(row);
        UInt128 key = 0;
        for (int i = input.Length - 1; i >= 0; i--) key = (key << 1) | (input[i] > 0.5f ? UInt128.One : UInt128.Zero);
        return key;
    }

    /// <summary>A copy with other targets (same inputs), e.g. after label noise.</summary>
    public Dataset WithTargets(float[] targets) => new(Rows, InputWidth, OutputWidth, Inputs, targets, Kind);
}
