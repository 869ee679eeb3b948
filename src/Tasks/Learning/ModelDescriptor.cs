using LogicNets.Tasks.Definitions;

namespace LogicNets.Tasks.Learning;

/// <summary>A registered model: its name, what it is, what its size knob means, and how to build it.</summary>
public sealed record ModelDescriptor(string Name, string Description, string SizeKnob, Func<LearnerRequest, ILearner> Create)
{
    /// <summary>Target kinds the model learns; suites skip tasks of other kinds.</summary>
    public IReadOnlyList<TargetKind> Kinds { get; init; } = [TargetKind.Bits, TargetKind.Real];

    public bool Learns(TargetKind kind) => Kinds.Contains(kind);
}

/// <summary>The set of models a command can use, looked up by name.</summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelDescriptor> _models = new(StringComparer.OrdinalIgnoreCase);

    public ModelCatalog(IEnumerable<ModelDescriptor> models)
    {
        foreach (var model in models)
            if (!_models.TryAdd(model.Name, model)) throw new ArgumentException($"model '{model.Name}' registered twice");
    }

    public IReadOnlyCollection<ModelDescriptor> All => _models.Values;

    public ModelDescriptor Get(string name) =>
        _models.TryGetValue(name.Trim(), out var model)
            ? model
            : throw new ArgumentException($"unknown model '{name}'; valid models: {string.Join(", ", _models.Keys.Order())}");
}
