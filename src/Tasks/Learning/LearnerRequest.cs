using LogicNets.Tasks;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Tasks.Learning;

/// <summary>What a model factory needs to build a learner for a task.</summary>
public sealed record LearnerRequest(LearnerShape Shape, int Size, ModelSettings Settings)
{
    /// <summary>The requested layer count, or <paramref name="defaultDepth"/>; below <paramref name="minimum"/> is refused naming the model.</summary>
    public int LayerDepth(string model, int defaultDepth, int minimum = 1) => Settings.Depth < minimum
        ? throw new UserInputException($"{model} depth must be >= {minimum}, got {Settings.Depth}")
        : Settings.Depth ?? defaultDepth;
}

/// <summary>The input/output shape of a task as a learner sees it.</summary>
public sealed record LearnerShape(int InputWidth, int OutputWidth, TargetKind Kind)
{
    public static LearnerShape Of(LearningTask task) => new(task.InputWidth, task.OutputWidth, task.Kind);

    /// <summary>Throws when <paramref name="data"/> does not have this shape.</summary>
    public void Require(Dataset data, string model)
    {
        if (data.InputWidth != InputWidth || data.OutputWidth != OutputWidth)
            throw new UserInputException(
                $"{model} was built for {InputWidth} inputs → {OutputWidth} outputs, data has {data.InputWidth} → {data.OutputWidth}");
    }
}

/// <summary>Optional knobs shared by learners; null means the learner's own default.</summary>
public sealed record ModelSettings
{
    /// <summary>Torch device: <c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; init; } = "cpu";

    public int? Depth { get; init; }

    public double? LearningRate { get; init; }

    public int? BatchSize { get; init; }

    /// <summary>Gate nets: output gates per output bit, odd; above 1 the bit is their majority (group-sum head).</summary>
    public int? OutputGroup { get; init; }

    /// <summary>Gate learners: kicks of the iterated local search that repairs the discretised circuit (default 0: one greedy climb).</summary>
    public int? RepairKicks { get; init; }

    /// <summary>
    /// Learner-specific options (<c>--set key=value</c>) in canonical form, <c>k=v;k=v</c> sorted by key; "" for
    /// none. Validated against the learner's options record (<see cref="ModelDescriptor.OptionsType"/>).
    /// </summary>
    public string Options { get; init; } = "";

    /// <summary>
    /// libtorch intra-op threads for the run; null: <see cref="DefaultThreads"/>. The thread count changes the order of
    /// float sums, so it changes numbers: it is a setting of the run, not of the machine.
    /// </summary>
    public int? Threads { get; init; }

    /// <summary>One thread per run: small models train as fast or faster, and <c>--jobs N</c> uses N cores with the same numbers.</summary>
    public const int DefaultThreads = 1;

    public const int DefaultBatchSize = 256;

    /// <summary>The minibatch size: the requested one or <see cref="DefaultBatchSize"/>.</summary>
    public int Batch => BatchSize ?? DefaultBatchSize;
}
