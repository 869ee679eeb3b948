namespace LogicNets.Digital.Evaluation;

/// <summary>Evaluates a hard circuit on bit-packed samples; every implementation agrees bit for bit.</summary>
public interface ICircuitEvaluator
{
    string Name { get; }

    /// <summary>
    /// Writes the output lanes for the given input lanes into <paramref name="output"/> (one lane per circuit output,
    /// as many samples as the inputs, tail bits cleared). Callers that evaluate repeatedly reuse one output: a fresh
    /// multi-megabyte array per call costs more in page faults and garbage collection than the gates do.
    /// </summary>
    void Evaluate(CompiledCircuit circuit, PackedBits inputs, PackedBits output);
}

/// <summary>The allocating form of <see cref="ICircuitEvaluator.Evaluate"/>.</summary>
public static class CircuitEvaluatorExtensions
{
    /// <summary>Output lanes for the given input lanes, in a new <see cref="PackedBits"/>.</summary>
    public static PackedBits Evaluate(this ICircuitEvaluator evaluator, CompiledCircuit circuit, PackedBits inputs)
    {
        circuit.CheckInputs(inputs);
        var output = new PackedBits(circuit.Outputs.Length, inputs.Samples);
        evaluator.Evaluate(circuit, inputs, output);
        return output;
    }
}
