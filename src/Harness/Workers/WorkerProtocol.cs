using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LogicNets.Harness.Runs;
using LogicNets.Tasks;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Workers;

/// <summary>
/// The lines a sweep and its worker processes exchange. The parent writes one job per line to the worker's stdin
/// (<c>{"id":…,"spec":{…}}</c>); the worker answers on stdout with lines that start with <see cref="Prefix"/>:
/// <c>P id epoch epochs loss</c> per epoch, then <c>R id {row}</c> (the finished row) or <c>E id message</c> (the spec
/// was refused). Any other stdout line (a native library's chatter) is ignored.
/// </summary>
public static class WorkerProtocol
{
    public const string Prefix = "@@logicnets ";

    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        IgnoreReadOnlyProperties = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A spec as plain values: the task by name (names are definitions, docs/DESIGN.md §3).</summary>
    private sealed record SpecDto(string Task, string Model, int Size, int Seed, double TrainFraction, double? Noise, int? Epochs, int? StepCap,
        string Encoding, double? TimeBudgetSeconds, string Device, int? Depth, double? LearningRate, int? BatchSize, int? OutputGroup,
        int? RepairKicks, int? Threads, string Options, int? Patience = null, int? Restarts = null);

    private sealed record JobDto(long Id, SpecDto Spec);

    public static string Job(long id, RunSpec spec) => JsonSerializer.Serialize(new JobDto(id, new SpecDto(
        spec.Task.Name, spec.Model, spec.Size, spec.Seed, spec.TrainFraction, spec.Noise, spec.Epochs, spec.StepCap, spec.Encoding.Name(),
        spec.TimeBudget?.TotalSeconds, spec.Settings.Device, spec.Settings.Depth, spec.Settings.LearningRate, spec.Settings.BatchSize,
        spec.Settings.OutputGroup, spec.Settings.RepairKicks, spec.Settings.Threads, spec.Settings.Options, spec.Patience, spec.Restarts)), Json);

    public static (long Id, RunSpec Spec) ParseJob(string line)
    {
        var job = JsonSerializer.Deserialize<JobDto>(line, Json) ?? throw new UserInputException("empty worker job");
        var s = job.Spec;
        return (job.Id, new RunSpec
        {
            Task = TaskName.Parse(s.Task),
            Model = s.Model,
            Size = s.Size,
            Seed = s.Seed,
            TrainFraction = s.TrainFraction,
            Noise = s.Noise,
            Epochs = s.Epochs,
            StepCap = s.StepCap,
            Encoding = InputEncodings.Parse(s.Encoding),
            TimeBudget = s.TimeBudgetSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Patience = s.Patience,
            Restarts = s.Restarts,
            Settings = new ModelSettings
            {
                Device = s.Device, Depth = s.Depth, LearningRate = s.LearningRate, BatchSize = s.BatchSize, OutputGroup = s.OutputGroup,
                RepairKicks = s.RepairKicks, Threads = s.Threads, Options = s.Options,
            },
        });
    }

    public static string Progress(long id, FitProgress progress) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}P {id} {progress.Epoch} {progress.Epochs} {progress.Loss:R}");

    public static string Result(long id, RunRecord record) => $"{Prefix}R {id} {JsonSerializer.Serialize(record, Json)}";

    public static string Refused(long id, string message) => $"{Prefix}E {id} {message.ReplaceLineEndings(" ")}";

    /// <summary>One line from a worker: its kind (P, R, E), the job id and the rest; null for lines that are not the protocol's.</summary>
    public static (char Kind, long Id, string Body)? Parse(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal) || line.Length < Prefix.Length + 3) return null;
        char kind = line[Prefix.Length];
        string rest = line[(Prefix.Length + 2)..];
        int space = rest.IndexOf(' ');
        if (space < 0 || !long.TryParse(rest[..space], NumberStyles.None, CultureInfo.InvariantCulture, out long id)) return null;
        return (kind, id, rest[(space + 1)..]);
    }

    public static FitProgress ParseProgress(string body)
    {
        var parts = body.Split(' ');
        return new FitProgress(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    public static RunRecord ParseResult(string body) =>
        JsonSerializer.Deserialize<RunRecord>(body, Json) ?? throw new InvalidDataException("a worker sent an empty result");
}
