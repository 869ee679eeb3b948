using System.CommandLine;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli;

/// <summary>The options every training command shares (train, sweep, bench), and how they become a run template.</summary>
public sealed class TrainingOptionSet(ModelCatalog catalog)
{
    public const double DefaultTrainFraction = 0.5;

    public Option<double> TrainFraction { get; } = new("--train-fraction")
    {
        Description = "share of the truth table used for training, in (0,1]; the rest is the test set (noisy-xor and product use their own protocol)",
        DefaultValueFactory = _ => DefaultTrainFraction,
    };

    public Option<double?> Noise { get; } = new("--noise") { Description = "training-label noise rate in [0,1) (default: the task's, 0.4 for noisy-xor); the test set is always clean" };

    public Option<int?> Epochs { get; } = new("--epochs") { Description = "epochs (default: the learner's, about 4000 optimizer steps for torch learners)" };

    public Option<string> Device { get; } = new("--device") { Description = "torch device: cpu or cuda", DefaultValueFactory = _ => "cpu" };

    public Option<string> Encoding { get; } = new("--encoding") { Description = "input bit encoding: 01 or pm1", DefaultValueFactory = _ => "01" };

    public Option<int?> Depth { get; } = new("--depth") { Description = "hidden layers (mlp) or gate layers (gate nets)" };

    public Option<int?> GroupSum { get; } = new("--group-sum")
    {
        Description = $"{catalog.NamesWith(LearnerTraits.GroupSumHead)}: K output gates per output bit (odd), the bit is their majority (group-sum head; default 1)",
    };

    public Option<int?> RepairKicks { get; } = new("--repair-kicks")
    {
        Description = "gate learners: after the greedy repair of the circuit on the training rows, N kicks of iterated local search (default 0; worth it on small tables, each kick re-scores the circuit thousands of times; bounded by their count and --time-budget; the greedy repair alone stops when a pass improves nothing or after a fixed amount of scoring work)",
    };

    public Option<int?> Patience { get; } = new("--patience")
    {
        Description = $"stop when solved: a fit ends when its model (a circuit learner's hard circuit) fits the training rows, or after N epochs without a better training score; 0 trains every planned epoch (default: half the planned epochs, at least {EarlyStop.MinAutoPatience})",
    };

    public Option<string?> Restarts { get; } = new("--restarts")
    {
        Description = $"circuit learners: up to N fresh initialisations after the first until a circuit fits the training rows (the best-fitting one is kept; the starts column says how many ran), or auto: until one fits or --time-budget ends (at most {FitOptions.AutoRestartCap} without a budget); gates-serial takes up to {FitOptions.AutoRestartCap} unless told, none under a step cap (0: one start)",
    };

    public Option<double?> LearningRate { get; } = new("--lr") { Description = "learning rate (default: the learner's)" };

    public Option<int?> BatchSize { get; } = new("--batch") { Description = $"minibatch size (default {ModelSettings.DefaultBatchSize})" };

    public Option<double?> TimeBudget { get; } = new("--time-budget")
    {
        Description = "seconds per run; when they are spent the learner stops, keeps its model as it stands and the run is scored with status budget",
    };

    public Option<int?> Threads { get; } = new("--threads")
    {
        Description = $"libtorch threads per run (default {ModelSettings.DefaultThreads}); more can speed up large torch models, and change the last bits of their numbers, so the count is part of the run",
    };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "a learner-specific option KEY=VALUE (repeatable), e.g. --set adaptive-l2=0.01; 'logicnets models MODEL' lists a learner's options and defaults",
        AllowMultipleArgumentsPerToken = true,
    };

    public void AddTo(Command command, bool includeTrainFraction = true)
    {
        if (includeTrainFraction) command.Add(TrainFraction);
        command.Add(Noise);
        command.Add(Epochs);
        command.Add(Device);
        command.Add(Encoding);
        command.Add(Depth);
        command.Add(GroupSum);
        command.Add(RepairKicks);
        command.Add(Patience);
        command.Add(Restarts);
        command.Add(LearningRate);
        command.Add(BatchSize);
        command.Add(TimeBudget);
        command.Add(Threads);
        command.Add(Set);
    }

    /// <summary>The spec of a single run (train, diagnose): the template with every option applied, <c>--set</c> included.</summary>
    public RunSpec SingleRun(ParseResult parse, RunSpec template) => LearnerOptions(parse, [template.Model])(Apply(parse, template));

    /// <summary>
    /// The <c>--set</c> options for each of <paramref name="models"/>: every key must belong to at least one of them
    /// (an unknown key exits 2 naming the valid ones); each model's runs carry only its own keys, canonically written.
    /// </summary>
    public Func<RunSpec, RunSpec> LearnerOptions(ParseResult parse, IReadOnlyList<string> models)
    {
        var pairs = (parse.GetValue(Set) ?? []).Select(text =>
        {
            int eq = text.IndexOf('=');
            return eq > 0 ? KeyValuePair.Create(text[..eq].Trim().ToLowerInvariant(), text[(eq + 1)..].Trim())
                : throw new UsageException($"--set takes KEY=VALUE, got '{text}'");
        }).ToList();
        if (pairs.Count == 0) return spec => spec;
        var descriptors = models.Select(catalog.Get).ToList();
        foreach (var (key, _) in pairs)
            if (!descriptors.Any(d => d.Options.Any(o => o.Key == key)))
                throw new UsageException($"--set {key}: no option of that name for {string.Join(", ", models)}; valid: " +
                    string.Join("; ", descriptors.Select(d => $"{d.Name}: {(d.Options.Count == 0 ? "none" : string.Join(", ", d.Options.Select(o => o.Key)))}")));
        var canonical = descriptors.ToDictionary(d => d.Name,
            d => d.CanonicalOptions(pairs.Where(pair => d.Options.Any(o => o.Key == pair.Key))));
        return spec => spec with { Settings = spec.Settings with { Options = canonical[catalog.Get(spec.Model).Name] } };
    }

    /// <summary>Applies the parsed options to a run template, validating each with a message naming the option.</summary>
    public RunSpec Apply(ParseResult parse, RunSpec template, bool includeTrainFraction = true)
    {
        double? noise = parse.GetValue(Noise);
        if (noise is { } n && !(n >= 0 && n < 1)) throw new UsageException($"--noise must be in [0,1), got {n}");
        int? epochs = parse.GetValue(Epochs);
        if (epochs is < 1) throw new UsageException($"--epochs must be >= 1, got {epochs}");
        int? depth = parse.GetValue(Depth);
        if (depth is < 1) throw new UsageException($"--depth must be >= 1, got {depth}");
        int? group = parse.GetValue(GroupSum);
        if (group is { } k && (k < 1 || k % 2 == 0)) throw new UsageException($"--group-sum must be an odd number >= 1, got {k}");
        int? kicks = parse.GetValue(RepairKicks);
        if (kicks is < 0) throw new UsageException($"--repair-kicks must be >= 0, got {kicks}");
        int? patience = parse.GetValue(Patience);
        if (patience is < 0) throw new UsageException($"--patience must be >= 0 epochs, got {patience}");
        int? restarts;
        try { restarts = RunSpec.ParseRestarts(parse.GetValue(Restarts)); }
        catch (LogicNets.Tasks.UserInputException e) { throw new UsageException($"--{e.Message}"); }
        double? lr = parse.GetValue(LearningRate);
        if (lr is { } rate && !(rate > 0 && double.IsFinite(rate))) throw new UsageException($"--lr must be a positive number, got {rate}");
        int? batch = parse.GetValue(BatchSize);
        if (batch is < 1) throw new UsageException($"--batch must be >= 1, got {batch}");
        int? threads = parse.GetValue(Threads);
        if (threads is < 1) throw new UsageException($"--threads must be >= 1, got {threads}");
        double? budget = parse.GetValue(TimeBudget);
        if (budget is { } seconds && !(seconds > 0)) throw new UsageException($"--time-budget must be a positive number of seconds, got {seconds}");
        InputEncoding encoding;
        try { encoding = InputEncodings.Parse(parse.GetValue(Encoding)!); }
        catch (ArgumentException e) { throw new UsageException($"--encoding: {e.Message}"); }
        string device = parse.GetValue(Device)!.Trim().ToLowerInvariant();
        if (device != "cpu" && device != "cuda" && !device.StartsWith("cuda:"))
            throw new UsageException($"--device must be cpu, cuda or cuda:N, got '{device}'");

        var spec = template with
        {
            Noise = noise ?? template.Noise,
            Epochs = epochs ?? template.Epochs,
            Encoding = encoding,
            TimeBudget = budget is { } b ? TimeSpan.FromSeconds(b) : template.TimeBudget,
            Patience = patience ?? template.Patience,
            Restarts = restarts ?? template.Restarts,
            Settings = new ModelSettings { Device = device, Depth = depth, LearningRate = lr, BatchSize = batch, OutputGroup = group, RepairKicks = kicks, Threads = threads },
        };
        if (includeTrainFraction)
        {
            double fraction = parse.GetValue(TrainFraction);
            if (!(fraction > 0 && fraction <= 1)) throw new UsageException($"--train-fraction must be in (0,1], got {fraction}");
            spec = spec with { TrainFraction = fraction };
        }
        return spec;
    }
}
