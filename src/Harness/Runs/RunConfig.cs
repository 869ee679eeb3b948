using System.Globalization;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Harness.Runs;

/// <summary>
/// The settings of a run other than task, model, size and seed, as canonical text and as a short stable hash (the
/// <c>config</c> column). Settings left at their default are left out of the text, so a row written before a
/// setting became a column and a row that ran with its default hash alike; every value is written invariantly.
/// </summary>
public static class RunConfig
{
    /// <summary>
    /// The non-default settings as (column, value) pairs, in column order; learner options are split into one pair
    /// each. Train fraction and noise are not among them (they name a report section of their own).
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> Settings(RunRecord row)
    {
        var pairs = new List<(string, string)>();
        void Add(string name, object? value)
        {
            if (value is not null) pairs.Add((name, Format(value)));
        }
        Add("max_epochs", row.MaxEpochs);
        Add("step_cap", row.StepCap);
        Add("depth", row.Depth);
        Add("lr", row.LearningRate);
        Add("batch", row.Batch);
        if (row.Encoding is { } encoding && encoding != InputEncoding.ZeroOne.Name()) Add("encoding", encoding);
        if (row.Device is { } device && device != "cpu") Add("device", device);
        Add("time_budget_s", row.TimeBudgetSeconds);
        Add("group_sum", row.GroupSum);
        Add("repair_kicks", row.RepairKicks);
        if (row.Threads is { } threads && threads != Tasks.Learning.ModelSettings.DefaultThreads) Add("threads", threads);
        Add("data", row.Data);
        Add("patience", row.Patience);
        Add("restarts", row.Restarts);
        if (row.Options is { Length: > 0 } options)
            foreach (string part in options.Split(';', StringSplitOptions.RemoveEmptyEntries)) pairs.Add(("set", part));
        return pairs;
    }

    /// <summary>The canonical text the hash is taken of.</summary>
    public static string Text(RunRecord row) =>
        string.Join(";", new[] { $"train_fraction={Format(row.TrainFraction)}", $"noise={Format(row.Noise)}" }
            .Concat(Settings(row).Select(pair => $"{pair.Name}={pair.Value}")));

    /// <summary>The first 12 hex digits of the SHA-256 of <see cref="Text"/>.</summary>
    public static string Hash(RunRecord row) =>
        StableHash.Sha256Hex(Text(row), 12);

    /// <summary>The settings as a reader sees them: <c>depth=3 lr=0.5</c>, or "" for defaults.</summary>
    public static string Describe(IEnumerable<(string Name, string Value)> settings) =>
        string.Join(" ", settings.Select(pair => $"{pair.Name}={pair.Value}"));

    private static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
