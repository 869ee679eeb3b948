namespace LogicNets.Tasks.Data;

/// <summary>How a task becomes train and test data.</summary>
public sealed record SplitOptions
{
    /// <summary>Tables with at most this many input bits are enumerated and split by a seeded permutation.</summary>
    public const int MaxEnumeratedInputBits = 20;

    public int Seed { get; init; } = 1;

    /// <summary>Share of the truth table used for training, in (0, 1]. At 1 the test set is the whole table.</summary>
    public double TrainFraction { get; init; } = 1.0;

    /// <summary>Training-label noise: flip probability per bit, or Gaussian σ relative to the target σ for reals. Null: the task's default.</summary>
    public double? Noise { get; init; }

    /// <summary>Caps on sampled (not enumerated) tables, whose f·2^n rows would not fit.</summary>
    public int MaxSampledTrainRows { get; init; } = 65536;

    public int MaxSampledTestRows { get; init; } = 16384;

    public void Validate()
    {
        if (!(TrainFraction > 0 && TrainFraction <= 1))
            throw new UserInputException($"train fraction must be in (0, 1], got {TrainFraction}");
        if (Noise is { } noise && !(noise >= 0 && noise < 1))
            throw new UserInputException($"noise must be in [0, 1), got {noise}");
        if (MaxSampledTrainRows < 1 || MaxSampledTestRows < 1)
            throw new UserInputException("sampled row caps must be positive");
    }
}
