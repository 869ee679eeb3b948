using LogicNets.Digital.Circuits;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Digital.Verification;

/// <summary>Checks a circuit against a built-in rule the cheapest complete way: every row up to 2³² of them, a solver beyond.</summary>
public static class RuleCheck
{
    public static CheckResult Check(HardCircuit circuit, BitTask task, TimeSpan solverTimeout, IProgress<double>? progress = null, CancellationToken cancellation = default) =>
        task.InputWidth <= ExhaustiveCheck.MaxInputs
            ? ExhaustiveCheck.Check(circuit, task, progress, cancellation)
            : SmtProof.Prove(circuit, task, solverTimeout, cancellation);

    /// <summary>
    /// Whether a one-state-bit serial cell (inputs a, b, carry; outputs sum, carry') is the full adder on all eight
    /// rows. Unrolled from a zero carry it then adds correctly at every width, by induction over the positions.
    /// </summary>
    public static bool IsFullAdder(HardCircuit cell)
    {
        if (cell.InputCount != 3 || cell.Outputs.Count != 2) return false;
        for (int row = 0; row < 8; row++)
        {
            bool a = (row & 1) != 0, b = (row & 2) != 0, c = (row & 4) != 0;
            var output = cell.Evaluate(new[] { a, b, c });
            if (output[0] != (a ^ b ^ c) || output[1] != ((a & b) | (c & (a ^ b)))) return false;
        }
        return true;
    }
}
