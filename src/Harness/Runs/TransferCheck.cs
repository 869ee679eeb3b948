using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using LogicNets.Tasks.Metrics;

namespace LogicNets.Harness.Runs;

/// <summary>How a trained learner scores on a bit task of another width (<c>train --transfer add:32</c>): does the learned rule hold there?</summary>
public sealed record TransferScore(string Task, int Rows, BitScore? Score, string? NotApplicable);

/// <summary>Scores a trained learner on sampled rows of other tasks.</summary>
public static class TransferCheck
{
    public const int Rows = 16384;

    /// <summary>
    /// The learner's score on <see cref="Rows"/> rows of <paramref name="task"/> sampled with <paramref name="seed"/>; a learner
    /// that cannot take that width (most learners: the input width is part of the model) says why instead.
    /// </summary>
    public static TransferScore Score(ILearner learner, BitTask task, int seed)
    {
        var data = TaskDataFactory.Sample(task, Rows, seed);
        try
        {
            return new TransferScore(task.Name, data.Rows, BitScore.Of(learner.Predict(data), data), null);
        }
        catch (ArgumentException e)
        {
            return new TransferScore(task.Name, data.Rows, null, e.Message);
        }
    }
}
