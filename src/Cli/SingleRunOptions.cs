using System.CommandLine;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli;

/// <summary>The options that name one run (<c>train</c>, <c>diagnose</c>): task, model, size and seed.</summary>
public sealed class SingleRunOptions(ModelCatalog catalog, string models)
{
    public TaskOptions Task { get; } = new();

    public Option<string> Model { get; } = new("--model") { Description = $"learner: {models} (see 'logicnets models')", Required = true };

    public Option<int> Size { get; } = new("--size") { Description = "the model's size knob (see 'logicnets models')", DefaultValueFactory = _ => 64 };

    public Option<int> Seed { get; } = new("--seed") { Description = "seed of data split, noise, initialisation and shuffling", DefaultValueFactory = _ => 1 };

    public void AddTo(Command command)
    {
        Task.AddTo(command);
        command.Add(Model);
        command.Add(Size);
        command.Add(Seed);
    }

    /// <summary>The task, the one model (able to learn it), a positive size and the seed.</summary>
    public (LearningTask Task, ModelDescriptor Model, int Size, int Seed) Parse(ParseResult parse)
    {
        var (task, model, size) = Parsing.SingleRun(catalog, Task.Parse(parse), parse.GetValue(Model), parse.GetValue(Size));
        return (task, model, size, parse.GetValue(Seed));
    }
}
