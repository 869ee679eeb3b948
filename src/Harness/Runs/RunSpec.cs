using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Runs;

/// <summary>Everything that determines one training run; the same spec gives the same numbers.</summary>
public sealed record RunSpec
{
    public required LearningTask Task { get; init; }

    public required string Model { get; init; }

    public required int Size { get; init; }

    public int Seed { get; init; } = 1;

    public double TrainFraction { get; init; } = 1.0;

    /// <summary>Null: the task's default noise.</summary>
    public double? Noise { get; init; }

    public int? Epochs { get; init; }

    /// <summary>Caps the learner's default optimizer steps (suites bound their runs with it); null: no cap.</summary>
    public int? StepCap { get; init; }

    public InputEncoding Encoding { get; init; } = InputEncoding.ZeroOne;

    public ModelSettings Settings { get; init; } = new();

    public TimeSpan? TimeBudget { get; init; }

    public double EffectiveNoise => Noise ?? Task.DefaultNoise;

    public RunKey Key => new(Task.Name, Model, Size, Seed, TrainFraction, EffectiveNoise);
}
