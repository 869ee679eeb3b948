using System.Globalization;

namespace LogicNets.Tasks.Definitions;

/// <summary>Parses task names such as <c>add:8</c>, <c>parity:16:3</c>, <c>mix:xor3,and2:d4</c>.</summary>
public static class TaskName
{
    public const string ValidForms =
        "add:N[:carry] (N=1..64, 63 with carry), mul:N (N=1..64), parity:N:K (1<=K<=N<=128), noisy-xor, " +
        "mix:RULE,RULE...[:dD] (rules xorW, andW, orW, majW, addW), product[:lo,hi:lo,hi], " +
        "pla:FILE (Espresso PLA, .pla or .pla.gz), csv:FILE (0/1 columns with a header; inputs=COLUMNS, outputs=COLUMNS choose them), " +
        "either with ;test=FILE for a separate test file";

    /// <summary>Examples shown by <c>logicnets tasks</c>, one per family.</summary>
    public static readonly IReadOnlyList<string> Examples =
        ["add:4", "add:8:carry", "mul:4", "parity:16:3", "noisy-xor", "mix:xor3,and2,maj3,add2:d4", "product", "product:-2,2:-6,6"];

    /// <summary>
    /// A task name as part of a file name: a file task by its file's name without .pla/.csv/.gz, a built-in task by its
    /// name, with every character other than letters, digits, '-' and '.' made '_'.
    /// </summary>
    public static string FileSafe(string name)
    {
        string trimmed = name.Trim();
        if (trimmed.StartsWith("pla:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("csv:", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = Path.GetFileName(trimmed[4..].Split(';')[0]);
            foreach (string extension in new[] { ".gz", ".pla", ".csv" })
                if (trimmed.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) trimmed = trimmed[..^extension.Length];
        }
        return string.Concat(trimmed.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
    }

    public static LearningTask Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // A file path may hold ':' and ','; the part after the family is the file task's own to parse.
        string trimmed = name.Trim();
        foreach (var (prefix, format) in new[] { ("pla:", TableFormat.Pla), ("csv:", TableFormat.Csv) })
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                try { return FileTask.Parse(format, trimmed[prefix.Length..]); }
                catch (TaskSpecException e) { throw new TaskSpecException($"invalid task '{name}': {e.Message}. Valid forms: {ValidForms}"); }
        try
        {
            return ParseUnchecked(name.Trim());
        }
        catch (TaskSpecException e)
        {
            throw new TaskSpecException($"invalid task '{name}': {e.Message}. Valid forms: {ValidForms}");
        }
    }

    private static LearningTask ParseUnchecked(string name)
    {
        string[] parts = name.Split(':');
        string family = parts[0].ToLowerInvariant();
        switch (family)
        {
            case "add":
                Arity(parts, 2, 3, "add:N or add:N:carry");
                if (parts.Length == 3 && !parts[2].Equals("carry", StringComparison.OrdinalIgnoreCase))
                    throw new TaskSpecException($"the third part of add must be 'carry', got '{parts[2]}'");
                return new AdditionTask(Count(parts[1], "add width"), parts.Length == 3);
            case "mul":
                Arity(parts, 2, 2, "mul:N");
                return new MultiplicationTask(Count(parts[1], "mul width"));
            case "parity":
                Arity(parts, 3, 3, "parity:N:K");
                return new ParityTask(Count(parts[1], "parity input count N"), Count(parts[2], "parity subset size K"));
            case "noisy-xor":
                Arity(parts, 1, 1, "noisy-xor");
                return new NoisyXorTask();
            case "mix":
                Arity(parts, 2, 3, "mix:RULE,RULE... or mix:RULE,...:dD");
                var rules = parts[1].Split(',').Select(MixtureRule.Parse).ToArray();
                int distractors = 0;
                if (parts.Length == 3)
                {
                    if (!parts[2].StartsWith('d') && !parts[2].StartsWith('D'))
                        throw new TaskSpecException($"the last part of mix must be dD (distractor bits), got '{parts[2]}'");
                    distractors = Count(parts[2][1..], "mix distractor count");
                }
                return new MixtureTask(rules, distractors);
            case "product":
                if (parts.Length == 1) return new ProductTask();
                Arity(parts, 3, 3, "product or product:lo,hi:lo,hi");
                var (trainLow, trainHigh) = Range(parts[1]);
                var (testLow, testHigh) = Range(parts[2]);
                return new ProductTask(trainLow, trainHigh, testLow, testHigh);
            default:
                throw new TaskSpecException($"unknown task family '{parts[0]}'");
        }
    }

    private static void Arity(string[] parts, int min, int max, string form)
    {
        if (parts.Length < min || parts.Length > max)
            throw new TaskSpecException($"expected the form {form}");
    }

    private static int Count(string text, string what)
    {
        if (text.Length == 0 || text.Length > 9 || !text.All(char.IsAsciiDigit))
            throw new TaskSpecException($"{what} must be a whole number, got '{text}'");
        return int.Parse(text, CultureInfo.InvariantCulture);
    }

    private static (double Low, double High) Range(string text)
    {
        string[] ends = text.Split(',');
        if (ends.Length != 2
            || !double.TryParse(ends[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double low)
            || !double.TryParse(ends[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double high))
            throw new TaskSpecException($"a product range is lo,hi with two numbers, got '{text}'");
        return (low, high);
    }
}
