using System.CommandLine;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets models [MODEL]</c>: the registered learners, what their size knob means and what they support; with a name, its options too.</summary>
public static class ModelsCommand
{
    public static Command Create(CliConsole console, ModelCatalog catalog)
    {
        var name = new Argument<string?>("model") { Description = "show one learner with its options (--set KEY=VALUE) and their defaults", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("models", "list the learners with descriptions, size knobs and what each supports; 'models MODEL' also lists its options") { name };
        CommandBody.AttachWithJson(command, console, (parse, console, json, _) =>
        {
            var output = console.Out;
            var chosen = parse.GetValue(name) is { } one ? [catalog.Get(one)] : catalog.All.OrderBy(m => m.Name).ToList();
            if (json is not null)
                JsonOutput.Write(json, chosen.Select(model => new
                {
                    model.Name, model.Description, Size = model.SizeKnob, Supports = Supports(model),
                    AlsoAccepted = ModelAliases.FormerNamesOf(model.Name).ToArray(),
                    Options = model.Options.Select(option => new { option.Key, option.Type, option.Default, option.Description }).ToArray(),
                }).ToList());
            foreach (var model in chosen)
            {
                output.WriteLine($"{model.Name,-14} {model.Description}");
                if (ModelAliases.FormerNamesOf(model.Name).ToList() is { Count: > 0 } former)
                    output.WriteLine($"{"",-14} also accepted: {string.Join(", ", former)} (its former name; old run files read as {model.Name})");
                output.WriteLine($"{"",-14} size: {model.SizeKnob}");
                output.WriteLine($"{"",-14} supports: {string.Join(", ", Supports(model))}");
                if (chosen.Count > 1) continue;
                output.WriteLine($"{"",-14} common settings: --depth --lr --batch (default {ModelSettings.DefaultBatchSize}) --epochs --time-budget --encoding --device" +
                                 (model.Has(LearnerTraits.Circuit) ? " --repair-kicks" : "") + (model.Has(LearnerTraits.GroupSumHead) ? " --group-sum" : ""));
                if (model.Options.Count == 0) output.WriteLine($"{"",-14} options (--set): none");
                else
                {
                    output.WriteLine($"{"",-14} options (--set KEY=VALUE):");
                    foreach (var option in model.Options)
                        output.WriteLine($"{"",-16}{option.Key,-22} {option.Type,-34} default {option.Default,-10} {option.Description}");
                }
            }
            if (parse.GetValue(name) is null)
                foreach (var form in catalog.Forms)
                {
                    output.WriteLine(form.Syntax);
                    output.WriteLine($"{"",-14} {form.Description}");
                    output.WriteLine($"{"",-14} ('models NAME' with a name of this form shows its size knob and options)");
                }
            return ExitCodes.Success;
        });
        return command;
    }

    private static string[] Supports(ModelDescriptor model) => new (LearnerTraits Trait, string Text)[]
    {
        (LearnerTraits.BitTargets, "bit tasks"),
        (LearnerTraits.RealTargets, "real-valued tasks"),
        (LearnerTraits.Circuit, "hard circuit (export)"),
        (LearnerTraits.InspectableLayers, "diagnose"),
        (LearnerTraits.LayerTelemetry, "sparse-layer statistics"),
        (LearnerTraits.GroupSumHead, "--group-sum"),
    }.Where(entry => model.Has(entry.Trait)).Select(entry => entry.Text).ToArray();
}
