using System.CommandLine;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Export;
using LogicNets.Tasks.Files;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets export</c>: a trained run's hard circuit as Verilog, C, Graphviz DOT or JSON.</summary>
public static class ExportCommand
{
    /// <summary>Each format with its file extension and writer.</summary>
    private static readonly (string Name, string Extension, Func<HardCircuit, string> Write)[] Formats =
    [
        ("verilog", ".v", circuit => VerilogExporter.Export(circuit)),
        ("c", ".c", circuit => CExporter.Export(circuit)),
        ("dot", ".dot", DotExporter.Export),
        ("json", ".json", CircuitJson.Serialize),
    ];

    public static string ValidFormats => string.Join(", ", Formats.Select(f => f.Name));

    public static Command Create(CliConsole console, ModelCatalog catalog)
    {
        var run = new Option<string>("--run") { Description = $"run folder written by 'logicnets train' (holds {CircuitJson.FileName})", Required = true };
        var format = new Option<string>("--format") { Description = $"output format: {ValidFormats}", Required = true };
        var output = new Option<string?>("--out") { Description = "output file (default: RUN/circuit.v, .c, .dot, or circuit.export.json)" };
        var force = OutputPath.ForceOption("the output file");
        var command = new Command("export", "export the hard circuit of a trained digital learner") { run, format, output, force };

        CommandBody.Attach(command, console, (parse, _) =>
        {
            string directory = parse.GetValue(run)!;
            string kind = parse.GetValue(format)!.Trim().ToLowerInvariant();
            var chosen = Formats.FirstOrDefault(f => f.Name == kind);
            if (chosen.Name is null) throw new UsageException($"unknown export format '{kind}'; valid formats: {ValidFormats}");
            if (!Directory.Exists(directory)) throw new UsageException($"run folder '{directory}' does not exist");
            string source = Path.Combine(directory, CircuitJson.FileName);
            if (!File.Exists(source))
                throw new UsageException(
                    $"run '{directory}' has no {CircuitJson.FileName}: only learners whose model is a hard circuit write one ({catalog.NamesWith(LearnerTraits.Circuit)})");
            var circuit = CircuitJson.Load(source);
            // The JSON export's default name would be circuit.json itself: export never replaces the run's own circuit.
            string target = OutputPath.ClaimFile(parse.GetValue(output) ?? Path.Combine(directory, chosen.Name == "json" ? "circuit.export.json" : Path.ChangeExtension(CircuitJson.FileName, chosen.Extension)), parse.GetValue(force));
            if (Path.GetFullPath(target) == Path.GetFullPath(source)) throw new UsageException($"--out names the run's own {CircuitJson.FileName}; choose another file");
            AtomicFile.WriteAllText(target, chosen.Write(circuit));
            console.Out.WriteLine($"{circuit.InputCount} inputs, {circuit.Gates.Count} gates ({circuit.LogicGateCount} computing), {circuit.Outputs.Count} outputs → {target}");
            return ExitCodes.Success;
        });
        return command;
    }
}
