using LogicNets.Digital.Circuits;
using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Evaluation;

/// <summary>A circuit flattened into arrays for the fast evaluators: input indices and ANF masks per gate.</summary>
public sealed class CompiledCircuit
{
    public CompiledCircuit(HardCircuit circuit)
    {
        Circuit = circuit;
        int count = circuit.Gates.Count;
        A = new int[count];
        B = new int[count];
        Masks = new ulong[4 * count];
        for (int g = 0; g < count; g++)
        {
            var gate = circuit.Gates[g];
            A[g] = gate.A;
            B[g] = gate.B;
            (Masks[4 * g], Masks[4 * g + 1], Masks[4 * g + 2], Masks[4 * g + 3]) = gate.Op.AnfMasks();
        }
        Outputs = circuit.Outputs.ToArray();
    }

    public HardCircuit Circuit { get; }

    public int[] A { get; }

    public int[] B { get; }

    /// <summary>k0, k1, k2, k3 of gate g at 4g..4g+3: out = k0 ⊕ (k1 ∧ a) ⊕ (k2 ∧ b) ⊕ (k3 ∧ a ∧ b).</summary>
    public ulong[] Masks { get; }

    public int[] Outputs { get; }

    public int InputCount => Circuit.InputCount;

    public int GateCount => A.Length;

    public int NodeCount => Circuit.NodeCount;

    /// <summary>Predictions for a dataset's rows, row-major 0/1 like its targets (the SIMD evaluator).</summary>
    public float[] Predict(LogicNets.Tasks.Data.Dataset data) => new SimdEvaluator().Evaluate(this, PackedBits.FromInputs(data)).ToRows();

    public void CheckInputs(PackedBits inputs)
    {
        if (inputs.Lanes != InputCount)
            throw new ArgumentException($"the circuit has {InputCount} inputs but the data has {inputs.Lanes} input bits");
    }

    /// <summary>Inputs as in <see cref="CheckInputs"/>, and an output buffer of one lane per circuit output and the inputs' sample count.</summary>
    public void CheckShapes(PackedBits inputs, PackedBits output)
    {
        CheckInputs(inputs);
        if (output.Lanes != Outputs.Length || output.Samples != inputs.Samples)
            throw new ArgumentException(
                $"the output buffer holds {output.Lanes} lanes × {output.Samples} samples; this evaluation needs {Outputs.Length} × {inputs.Samples}");
    }

    private EvaluationSchedule? _schedule;

    /// <summary>The gates regrouped for the SIMD evaluator, built on first use (see <see cref="EvaluationSchedule"/>).</summary>
    public EvaluationSchedule Schedule => _schedule ??= new EvaluationSchedule(this);
}
