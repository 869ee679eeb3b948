using System.Numerics;
using LogicNets.Digital.Circuits;
using LogicNets.Tasks.Data;

namespace LogicNets.Digital.Evaluation;

/// <summary>
/// Circuits' bit accuracy on one fixed set of rows (a fit's training rows), counting only specified bits: the rows
/// are packed once and every circuit asked about is scored bit-parallel. Stop-when-solved, restarts and the repair
/// search all ask this many times per fit.
/// </summary>
public sealed class PackedRowsScore
{
    private readonly PackedBits _inputs;
    private readonly PackedBits _targets;
    private readonly PackedBits? _care;
    private readonly PackedBits _output;
    private readonly long _specified;
    private readonly SimdEvaluator _evaluator = new();

    public PackedRowsScore(Dataset rows)
    {
        _inputs = PackedBits.FromInputs(rows);
        _targets = PackedBits.FromTargets(rows);
        _output = new PackedBits(rows.OutputWidth, rows.Rows);
        _specified = (long)rows.Rows * rows.OutputWidth;
        if (rows.Care is { } care)
        {
            _care = new PackedBits(rows.OutputWidth, rows.Rows);
            for (int r = 0; r < rows.Rows; r++)
                for (int o = 0; o < rows.OutputWidth; o++)
                    if (care[(long)r * rows.OutputWidth + o]) _care.Set(o, r, true);
            _specified = _care.Data.Sum(word => (long)BitOperations.PopCount(word));
        }
    }

    /// <summary>64-row words per lane: what one gate costs to evaluate on these rows.</summary>
    public int Words => _inputs.Words;

    /// <summary>Share of the specified bits the circuit gets right (1 when none is specified).</summary>
    public double Of(HardCircuit circuit) => Of(new CompiledCircuit(circuit));

    /// <inheritdoc cref="Of(HardCircuit)"/>
    public double Of(CompiledCircuit circuit)
    {
        _evaluator.Evaluate(circuit, _inputs, _output);
        if (_specified == 0) return 1.0;
        long wrong = 0;
        var output = _output.Data;
        var targets = _targets.Data;
        if (_care is null)
            for (int i = 0; i < output.Length; i++) wrong += BitOperations.PopCount(output[i] ^ targets[i]);
        else
            for (int i = 0; i < output.Length; i++) wrong += BitOperations.PopCount((output[i] ^ targets[i]) & _care.Data[i]);
        return 1.0 - (double)wrong / _specified;
    }
}
