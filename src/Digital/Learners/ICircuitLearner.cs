using LogicNets.Digital.Circuits;

namespace LogicNets.Digital.Learners;

/// <summary>A learner whose trained model is an exact hard circuit (evaluated, exported, property-tested).</summary>
public interface ICircuitLearner
{
    /// <summary>The simplified hard circuit for the trained task's width; null before a successful fit.</summary>
    HardCircuit? Circuit { get; }
}
