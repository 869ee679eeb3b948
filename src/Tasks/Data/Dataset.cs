using LogicNets.Tasks.Definitions;

namespace LogicNets.Tasks.Data;

/// <summary>Rows of inputs and targets, stored row-major as floats (0/1 for bits) ready to become tensors.</summary>
public sealed class Dataset
{
    public Dataset(int rows, int inputWidth, int outputWidth, float[] inputs, float[] targets, TargetKind kind, bool[]? care = null)
    {
        if (care is not null && care.Length != targets.Length) throw new ArgumentException($"the care mask holds {care.Length} values, expected {targets.Length}");
        if (inputs.Length != (long)rows * inputWidth) throw new ArgumentException($"inputs hold {inputs.Length} values, expected {rows}×{inputWidth}");
        if (targets.Length != (long)rows * outputWidth) throw new ArgumentException($"targets hold {targets.Length} values, expected {rows}×{outputWidth}");
        Rows = rows;
        InputWidth = inputWidth;
        OutputWidth = outputWidth;
        Inputs = inputs;
        Targets = targets;
        Kind = kind;
        Care = care;
    }

    /// <summary>
    /// Every input of an <paramref name="inputWidth"/>-bit table, row r holding bit i of r in input i, targets 0 (to
    /// be filled by whoever answers them: a circuit, a teacher).
    /// </summary>
    public static Dataset WholeTable(int inputWidth, int outputWidth)
    {
        if (inputWidth is < 0 or > 30) throw new ArgumentOutOfRangeException(nameof(inputWidth), inputWidth, "a whole table has at most 2^30 rows here");
        int rows = 1 << inputWidth;
        var inputs = new float[(long)rows * inputWidth];
        for (int r = 0; r < rows; r++)
            for (int i = 0; i < inputWidth; i++) inputs[(long)r * inputWidth + i] = (r >> i) & 1;
        return new Dataset(rows, inputWidth, outputWidth, inputs, new float[(long)rows * outputWidth], TargetKind.Bits);
    }

    public int Rows { get; }

    public int InputWidth { get; }

    public int OutputWidth { get; }

    public float[] Inputs { get; }

    public float[] Targets { get; }

    public TargetKind Kind { get; }

    /// <summary>
    /// Which target values are specified (a file's don't-cares are not); null when all are. Scores count only
    /// specified bits; learners train on the stored value (0) of an unspecified one.
    /// </summary>
    public bool[]? Care { get; }

    /// <summary>Whether target value <paramref name="index"/> (row × output width + output) is specified.</summary>
    public bool Cares(int index) => Care is null || Care[index];

    public ReadOnlySpan<float> InputRow(int row) => Inputs.AsSpan(row * InputWidth, InputWidth);

    public ReadOnlySpan<float> TargetRow(int row) => Targets.AsSpan(row * OutputWidth, OutputWidth);

    /// <summary>The input bits of a row packed into one number: the row's identity in the truth table (at most 128 inputs).</summary>
    public UInt128 Key(int row)
    {
        if (Kind != TargetKind.Bits) throw new InvalidOperationException("only bit datasets have row keys");
        if (InputWidth > 128) throw new InvalidOperationException($"a row key packs at most 128 input bits; this dataset has {InputWidth} (use RowText)");
        var input = InputRow(row);
        UInt128 key = 0;
        for (int i = input.Length - 1; i >= 0; i--) key = (key << 1) | (input[i] > 0.5f ? UInt128.One : UInt128.Zero);
        return key;
    }

    /// <summary>The input bits of a row as text ("0110…", input 0 first): a row identity for any width.</summary>
    public string RowText(int row)
    {
        var input = InputRow(row);
        return string.Create(input.Length, this, (chars, data) =>
        {
            var bits = data.InputRow(row);
            for (int i = 0; i < chars.Length; i++) chars[i] = bits[i] > 0.5f ? '1' : '0';
        });
    }

    /// <summary>A copy with other targets (same inputs and care mask), e.g. after label noise.</summary>
    public Dataset WithTargets(float[] targets) => new(Rows, InputWidth, OutputWidth, Inputs, targets, Kind, Care);
}
