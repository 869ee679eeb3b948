using LogicNets.Tasks;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Tasks.Learning;

/// <summary>What a learner supports; every list of learners in help texts and errors is built from these.</summary>
[Flags]
public enum LearnerTraits
{
    None = 0,

    /// <summary>Learns tasks with 0/1 targets.</summary>
    BitTargets = 1,

    /// <summary>Learns tasks with real-valued targets.</summary>
    RealTargets = 2,

    /// <summary>Its trained model is a hard circuit (<c>circuit.json</c>: export, exact evaluation).</summary>
    Circuit = 4,

    /// <summary>Its trained network has weight matrices that <c>diagnose</c> can inspect layer by layer.</summary>
    InspectableLayers = 8,

    /// <summary>It reports per-epoch statistics of sparse layers (<see cref="ILayerTelemetry"/>).</summary>
    LayerTelemetry = 16,

    /// <summary>It takes a group-sum head (<see cref="ModelSettings.OutputGroup"/>, <c>--group-sum</c>).</summary>
    GroupSumHead = 32,
}

/// <summary>A registered model: its name, what it is, what its size knob means, what it supports, and how to build it.</summary>
public sealed record ModelDescriptor(string Name, string Description, string SizeKnob, LearnerTraits Traits, Func<LearnerRequest, ILearner> Create)
{
    /// <summary>The learner's options record (settable with <c>--set key=value</c>), or null when it has none.</summary>
    public Type? OptionsType { get; init; }

    /// <summary>The learner-specific options with their defaults.</summary>
    public IReadOnlyList<LearnerOption> Options => OptionsType is null ? [] : LearnerOptionRecord.Describe(OptionsType);

    /// <summary>The fingerprint of this build's option defaults (<see cref="LearnerOptionRecord.DefaultsFingerprint"/>), or null without options.</summary>
    public string? OptionDefaults => OptionsType is null ? null : LearnerOptionRecord.DefaultsFingerprint(OptionsType);

    /// <summary>The canonical text of options meant for this learner; a key it does not have is refused naming the valid ones.</summary>
    public string CanonicalOptions(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var list = pairs.ToList();
        if (list.Count == 0) return "";
        if (OptionsType is null) throw new UserInputException($"{Name} has no learner-specific options (--set); got {string.Join(", ", list.Select(p => p.Key))}");
        return LearnerOptionRecord.Canonical(OptionsType, Name, list);
    }

    public bool Has(LearnerTraits traits) => (Traits & traits) == traits;

    /// <summary>Whether the model learns tasks of this kind; suites skip the others, the CLI refuses them.</summary>
    public bool Learns(TargetKind kind) => Has(TraitFor(kind));

    /// <summary>The widest input the learner takes (a learner that reads out every input has one); null: any width.</summary>
    public int? MaxInputWidth { get; init; }

    /// <summary>Whether the learner takes this task at all: its kind of targets and its input width. Suites skip the others.</summary>
    public bool Takes(Definitions.LearningTask task) => Learns(task.Kind) && (MaxInputWidth is not { } max || task.InputWidth <= max);

    public static LearnerTraits TraitFor(TargetKind kind) => kind == TargetKind.Bits ? LearnerTraits.BitTargets : LearnerTraits.RealTargets;
}

/// <summary>The set of models a command can use, looked up by name.</summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelDescriptor> _models = new(StringComparer.OrdinalIgnoreCase);

    public ModelCatalog(IEnumerable<ModelDescriptor> models, IEnumerable<ModelForm>? forms = null)
    {
        foreach (var model in models)
            if (!_models.TryAdd(model.Name, model)) throw new ArgumentException($"model '{model.Name}' registered twice");
        Forms = forms?.ToList() ?? [];
    }

    /// <summary>The models in registration order (the named ones; <see cref="Forms"/> name families of more).</summary>
    public IReadOnlyCollection<ModelDescriptor> All => _models.Values;

    /// <summary>Families of models named by a pattern, such as <c>distill:TEACHER&gt;STUDENT</c>.</summary>
    public IReadOnlyList<ModelForm> Forms { get; }

    public ModelDescriptor Get(string name)
    {
        string trimmed = ModelAliases.Canonical(name.Trim());
        if (_models.TryGetValue(trimmed, out var model)) return model;
        var form = Forms.FirstOrDefault(f => trimmed.StartsWith(f.Prefix, StringComparison.OrdinalIgnoreCase));
        return form is not null
            ? form.Resolve(trimmed[form.Prefix.Length..], this)
            : throw new UserInputException($"unknown model '{name}'; valid models: {Names}");
    }

    /// <summary>Every model's name, sorted and comma-separated, then the patterns of the families.</summary>
    public string Names => string.Join(", ", new[] { NamesWith(LearnerTraits.None) }.Concat(Forms.Select(f => f.Syntax)));

    /// <summary>Names of the models that have all of <paramref name="traits"/>, sorted and comma-separated (for help and errors).</summary>
    public string NamesWith(LearnerTraits traits) => string.Join(", ", All.Where(m => m.Has(traits)).Select(m => m.Name).Order());
}
