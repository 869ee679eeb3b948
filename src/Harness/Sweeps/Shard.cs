using LogicNets.Tasks;
using System.Globalization;

namespace LogicNets.Harness.Sweeps;

/// <summary>
/// <c>--shard i/n</c>: the i-th of n deterministic parts of a job list (1-based, so a Slurm array 1-n or a
/// Kubernetes completion index + 1 maps onto it). Job k belongs to shard (k mod n) + 1.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    public static readonly Shard All = new(1, 1);

    public const string ValidForms = "i/n with 1 <= i <= n, e.g. 2/8; or auto (auto/n) to take i and n from a Slurm job array or a Kubernetes Indexed Job";

    /// <summary>Parses <c>i/n</c>, or <c>auto</c> / <c>auto/n</c> from the scheduler's variables (see <see cref="Auto"/>).</summary>
    public static Shard Parse(string text, Func<string, string?>? environment = null)
    {
        string trimmed = text.Trim();
        if (trimmed == "auto" || trimmed.StartsWith("auto/", StringComparison.Ordinal))
        {
            int? given = trimmed == "auto" ? null
                : int.TryParse(trimmed[5..], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 ? n
                : throw new UserInputException($"invalid shard '{text}'; expected {ValidForms}");
            return Auto(environment ?? Environment.GetEnvironmentVariable, given);
        }
        string[] parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count >= 1 && index >= 1 && index <= count)
            return new Shard(index, count);
        throw new UserInputException($"invalid shard '{text}'; expected {ValidForms}");
    }

    /// <summary>
    /// The shard a scheduler gave this process. Slurm job arrays: SLURM_ARRAY_TASK_ID counted from
    /// SLURM_ARRAY_TASK_MIN (so <c>--array=0-3</c> and <c>--array=1-4</c> both work) out of SLURM_ARRAY_TASK_COUNT.
    /// Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX (from 0) out of <paramref name="count"/> or LOGICNETS_SHARD_COUNT
    /// (Kubernetes does not tell a pod the completion count; the manifest sets it).
    /// </summary>
    public static Shard Auto(Func<string, string?> environment, int? count = null)
    {
        int? Read(string name)
        {
            string? value = environment(name);
            if (value is null) return null;
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number)
                ? number
                : throw new UserInputException($"--shard auto: {name}='{value}' is not a whole number");
        }
        if (Read("SLURM_ARRAY_TASK_ID") is { } task)
        {
            int total = count ?? Read("SLURM_ARRAY_TASK_COUNT")
                ?? throw new UserInputException("--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; use --shard auto/N");
            int index = task - (Read("SLURM_ARRAY_TASK_MIN") ?? 0) + 1;
            return Checked(index, total, $"SLURM_ARRAY_TASK_ID={task}");
        }
        if (Read("JOB_COMPLETION_INDEX") is { } completion)
        {
            int total = count ?? Read("LOGICNETS_SHARD_COUNT")
                ?? throw new UserInputException("--shard auto: JOB_COMPLETION_INDEX is set but the shard count is not; set LOGICNETS_SHARD_COUNT to the Job's completions or use --shard auto/N");
            return Checked(completion + 1, total, $"JOB_COMPLETION_INDEX={completion}");
        }
        throw new UserInputException(
            "--shard auto found no scheduler index: it reads SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT (Slurm job arrays) " +
            "or JOB_COMPLETION_INDEX with LOGICNETS_SHARD_COUNT (Kubernetes Indexed Jobs); outside a scheduler give --shard i/n");
    }

    private static Shard Checked(int index, int count, string source) =>
        count >= 1 && index >= 1 && index <= count
            ? new Shard(index, count)
            : throw new UserInputException($"--shard auto: {source} gives shard {index} of {count}, outside 1..{count}");

    public bool Owns(int jobIndex) => jobIndex % Count == Index - 1;

    public override string ToString() => $"{Index}/{Count}";
}
