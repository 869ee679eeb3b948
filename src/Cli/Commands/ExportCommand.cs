using System.CommandLine;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Export;
using LogicNets.Tasks.Files;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets export</c>: a trained run's hard circuit in the formats of logic synthesis and of programs.</summary>
public static class ExportCommand
{
    public static Command Create(CliConsole console, ModelCatalog catalog)
    {
        var run = new Option<string>("--run") { Description = $"run folder written by 'logicnets train' (holds {CircuitJson.FileName})", Required = true };
        var format = new Option<string>("--format")
        {
            Description = "output format: " + string.Join("; ", CircuitExports.All.Select(f => $"{f.Name} ({f.Description})")),
            Required = true,
        };
        var name = new Option<string>("--name") { Description = "module / function / model name in the exported file", DefaultValueFactory = _ => CircuitExports.DefaultName };
        var output = new Option<string?>("--out") { Description = "output file (default: RUN/circuit.EXT, or circuit.export.json; the C export writes the .h beside the .c)" };
        var force = OutputPath.ForceOption("the output file");
        var command = new Command("export", "export the hard circuit of a trained digital learner") { run, format, name, output, force };

        CommandBody.Attach(command, console, (parse, _) =>
        {
            string directory = parse.GetValue(run)!;
            var chosen = CircuitExports.Get(parse.GetValue(format)!);
            string module = CircuitExports.CheckName(parse.GetValue(name)!.Trim());
            if (!Directory.Exists(directory)) throw new UsageException($"run folder '{directory}' does not exist");
            string source = Path.Combine(directory, CircuitJson.FileName);
            if (!File.Exists(source))
                throw new UsageException(
                    $"run '{directory}' has no {CircuitJson.FileName}: only learners whose model is a hard circuit write one ({catalog.NamesWith(LearnerTraits.Circuit)})");
            var circuit = CircuitJson.Load(source);
            // The JSON export's default name would be circuit.json itself: export never replaces the run's own circuit.
            string first = parse.GetValue(output) ?? Path.Combine(directory, chosen.Name == "json" ? "circuit.export.json" : Path.ChangeExtension(CircuitJson.FileName, chosen.Extension));
            string stem = Path.GetFileNameWithoutExtension(first);
            var files = chosen.Write(circuit, module, stem);
            var targets = files.Select(file => file.Extension == chosen.Extension ? first : Path.ChangeExtension(first, file.Extension)).ToArray();
            foreach (string target in targets)
            {
                OutputPath.ClaimFile(target, parse.GetValue(force));
                if (Path.GetFullPath(target) == Path.GetFullPath(source)) throw new UsageException($"--out names the run's own {CircuitJson.FileName}; choose another file");
            }
            for (int k = 0; k < files.Count; k++) AtomicFile.WriteAllBytes(targets[k], files[k].Content);
            console.Out.WriteLine($"{circuit.InputCount} inputs, {circuit.Gates.Count} gates ({circuit.LogicGateCount} computing), {circuit.Outputs.Count} outputs → {string.Join(", ", targets)}");
            if (chosen.Name is "aig" or "aag")
                console.Out.WriteLine($"AIG: {Digital.Aig.AndInverterGraph.FromCircuit(circuit).AndCount} AND nodes (structurally hashed)");
            return ExitCodes.Success;
        });
        return command;
    }
}
