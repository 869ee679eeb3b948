using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Evaluation;

/// <summary>The reference: one sample at a time, one gate at a time, through the gates' truth tables.</summary>
public sealed class ScalarEvaluator : ICircuitEvaluator
{
    public string Name => "scalar";

    public void Evaluate(CompiledCircuit circuit, PackedBits inputs, PackedBits output)
    {
        circuit.CheckShapes(inputs, output);
        var value = new bool[circuit.NodeCount];
        var gates = circuit.Circuit.Gates;
        for (int s = 0; s < inputs.Samples; s++)
        {
            for (int i = 0; i < circuit.InputCount; i++) value[i] = inputs.Get(i, s);
            for (int g = 0; g < gates.Count; g++) value[circuit.InputCount + g] = gates[g].Op.Apply(value[gates[g].A], value[gates[g].B]);
            for (int o = 0; o < circuit.Outputs.Length; o++) output.Set(o, s, value[circuit.Outputs[o]]);
        }
        output.ClearTails();
    }
}
