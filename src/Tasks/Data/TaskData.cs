using LogicNets.Tasks.Definitions;

namespace LogicNets.Tasks.Data;

/// <summary>A task's training set (with label noise, as the learner sees it) and its clean test set.</summary>
public sealed record TaskData(LearningTask Task, Dataset Train, Dataset Test, double Noise, SplitMode Mode);

/// <summary>How the rows were chosen.</summary>
public enum SplitMode
{
    /// <summary>The whole truth table, split disjointly by a seeded permutation.</summary>
    Enumerated,

    /// <summary>Rows sampled without repetition, train and test disjoint.</summary>
    Sampled,

    /// <summary>The task's own protocol (noisy-xor): independent draws with replacement.</summary>
    Protocol,

    /// <summary>Real-valued inputs drawn from the task's ranges.</summary>
    Continuous,

    /// <summary>Rows from a file: its own test file, or the file's rows split by a seeded permutation.</summary>
    File,
}
