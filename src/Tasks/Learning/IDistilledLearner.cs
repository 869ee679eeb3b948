namespace LogicNets.Tasks.Learning;

/// <summary>
/// A learner whose model was read out of another one (its teacher): the harness scores the teacher on the same test
/// rows, so a row shows what the read-out kept and what it lost.
/// </summary>
public interface IDistilledLearner
{
    /// <summary>The trained teacher, or null before a fit that trained one.</summary>
    ILearner? Teacher { get; }
}
