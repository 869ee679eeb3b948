using System.CommandLine;
using LogicNets.Diagnostics.Harness;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets models</c>: the registered learners and what their size knob means.</summary>
public static class ModelsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("models", "list the learners with descriptions and size knobs");
        CommandBody.Attach(command, console, (_, _) =>
        {
            foreach (var model in BuiltInModels.Catalog.All.OrderBy(m => m.Name))
            {
                console.Out.WriteLine($"{model.Name,-14} {model.Description}");
                console.Out.WriteLine($"{"",-14} size: {model.SizeKnob}");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
