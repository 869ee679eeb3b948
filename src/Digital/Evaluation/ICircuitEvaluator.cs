namespace LogicNets.Digital.Evaluation;

/// <summary>Evaluates a hard circuit on bit-packed samples; every implementation agrees bit for bit.</summary>
public interface ICircuitEvaluator
{
    string Name { get; }

    /// <summary>Output lanes for the given input lanes (tail bits cleared).</summary>
    PackedBits Evaluate(CompiledCircuit circuit, PackedBits inputs);
}
