using System.Security.Cryptography;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Tasks.Tables;

/// <summary>
/// Rows of a Boolean function read from a file: input bits, output bits and which output bits are specified.
/// A row whose every output is a don't-care says nothing and is not kept.
/// </summary>
public sealed class TruthTable
{
    public TruthTable(string source, IReadOnlyList<string> inputNames, IReadOnlyList<string> outputNames, byte[] inputs, byte[] outputs, bool[]? care)
    {
        int n = inputNames.Count, m = outputNames.Count;
        if (n < 1 || m < 1) throw new ArgumentException("a truth table needs at least one input and one output");
        if (inputs.Length % n != 0 || outputs.Length != inputs.Length / n * m) throw new ArgumentException("inputs and outputs disagree on the row count");
        if (care is not null && care.Length != outputs.Length) throw new ArgumentException("the care mask must cover every output bit");
        Source = source;
        InputNames = inputNames;
        OutputNames = outputNames;
        Inputs = inputs;
        Outputs = outputs;
        Care = care is null || care.All(c => c) ? null : care;
    }

    /// <summary>The file the rows came from, as the user named it.</summary>
    public string Source { get; }

    public IReadOnlyList<string> InputNames { get; }

    public IReadOnlyList<string> OutputNames { get; }

    public int InputWidth => InputNames.Count;

    public int OutputWidth => OutputNames.Count;

    public int Rows => Inputs.Length / InputWidth;

    /// <summary>Input bits, row-major, 0/1.</summary>
    public byte[] Inputs { get; }

    /// <summary>Output bits, row-major, 0/1 (0 where the bit is a don't-care).</summary>
    public byte[] Outputs { get; }

    /// <summary>Which output bits are specified; null when all are.</summary>
    public bool[]? Care { get; }

    /// <summary>The rows as a dataset (all of them, or those listed).</summary>
    public Dataset ToDataset(IReadOnlyList<int>? rows = null)
    {
        int n = InputWidth, m = OutputWidth, count = rows?.Count ?? Rows;
        var inputs = new float[count * n];
        var targets = new float[count * m];
        var care = Care is null ? null : new bool[count * m];
        for (int k = 0; k < count; k++)
        {
            int r = rows?[k] ?? k;
            for (int i = 0; i < n; i++) inputs[k * n + i] = Inputs[r * n + i];
            for (int o = 0; o < m; o++) targets[k * m + o] = Outputs[r * m + o];
            if (care is not null) Array.Copy(Care!, r * m, care, k * m, m);
        }
        return new Dataset(count, n, m, inputs, targets, TargetKind.Bits, care);
    }

    /// <summary>The first 12 hex digits of the SHA-256 of the rows (inputs, outputs, care): the table's identity, whatever file it came from.</summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BitConverter.GetBytes(InputWidth));
        hash.AppendData(BitConverter.GetBytes(OutputWidth));
        hash.AppendData(Inputs);
        hash.AppendData(Outputs);
        if (Care is not null) hash.AppendData(Care.Select(c => c ? (byte)1 : (byte)0).ToArray());
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
