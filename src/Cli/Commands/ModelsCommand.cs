using System.CommandLine;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets models</c>: the registered learners, what their size knob means and what they support.</summary>
public static class ModelsCommand
{
    public static Command Create(CliConsole console, ModelCatalog catalog) =>
        CommandBody.Listing("models", "list the learners with descriptions, size knobs and what each supports", console, output =>
        {
            foreach (var model in catalog.All.OrderBy(m => m.Name))
            {
                output.WriteLine($"{model.Name,-14} {model.Description}");
                output.WriteLine($"{"",-14} size: {model.SizeKnob}");
                output.WriteLine($"{"",-14} supports: {Supports(model)}");
            }
        });

    private static string Supports(ModelDescriptor model) => string.Join(", ", new (LearnerTraits Trait, string Text)[]
    {
        (LearnerTraits.BitTargets, "bit tasks"),
        (LearnerTraits.RealTargets, "real-valued tasks"),
        (LearnerTraits.Circuit, "hard circuit (export)"),
        (LearnerTraits.InspectableLayers, "diagnose"),
        (LearnerTraits.LayerTelemetry, "sparse-layer statistics"),
        (LearnerTraits.GroupSumHead, "--group-sum"),
    }.Where(entry => model.Has(entry.Trait)).Select(entry => entry.Text));
}
