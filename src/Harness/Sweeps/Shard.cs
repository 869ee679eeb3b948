using System.Globalization;

namespace LogicNets.Harness.Sweeps;

/// <summary>
/// <c>--shard i/n</c>: the i-th of n deterministic parts of a job list (1-based, so a Slurm array 1-n or a
/// Kubernetes completion index + 1 maps onto it). Job k belongs to shard (k mod n) + 1.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    public static readonly Shard All = new(1, 1);

    public const string ValidForms = "i/n with 1 <= i <= n, e.g. 2/8";

    public static Shard Parse(string text)
    {
        string[] parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count >= 1 && index >= 1 && index <= count)
            return new Shard(index, count);
        throw new FormatException($"invalid shard '{text}'; expected {ValidForms}");
    }

    public bool Owns(int jobIndex) => jobIndex % Count == Index - 1;

    public override string ToString() => $"{Index}/{Count}";
}
