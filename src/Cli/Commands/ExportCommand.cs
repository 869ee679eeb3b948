using System.CommandLine;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Export;
using LogicNets.Tasks.Results;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets export</c>: a trained run's hard circuit as Verilog, C, Graphviz DOT or JSON.</summary>
public static class ExportCommand
{
    public const string ValidFormats = "verilog, c, dot, json";

    public static Command Create(CliConsole console)
    {
        var run = new Option<string>("--run") { Description = "run folder written by 'logicnets train' (holds circuit.json)", Required = true };
        var format = new Option<string>("--format") { Description = $"output format: {ValidFormats}", Required = true };
        var output = new Option<string?>("--out") { Description = "output file (default: RUN/circuit.v, .c, .dot or .json)" };
        var command = new Command("export", "export the hard circuit of a trained digital learner") { run, format, output };

        CommandBody.Attach(command, console, (parse, _) =>
        {
            string directory = parse.GetValue(run)!;
            string kind = parse.GetValue(format)!.Trim().ToLowerInvariant();
            string extension = kind switch
            {
                "verilog" => ".v",
                "c" => ".c",
                "dot" => ".dot",
                "json" => ".json",
                _ => throw new UsageException($"unknown export format '{kind}'; valid formats: {ValidFormats}"),
            };
            if (!Directory.Exists(directory)) throw new UsageException($"run folder '{directory}' does not exist");
            string source = Path.Combine(directory, "circuit.json");
            if (!File.Exists(source))
                throw new UsageException($"run '{directory}' has no circuit.json: only digital learners (gates, gates-wired, gates-serial) produce hard circuits");
            var circuit = CircuitJson.Load(source);
            string text = kind switch
            {
                "verilog" => VerilogExporter.Export(circuit),
                "c" => CExporter.Export(circuit),
                "dot" => DotExporter.Export(circuit),
                _ => CircuitJson.Serialize(circuit),
            };
            string target = OutputPath.EnsureWritableFile(parse.GetValue(output) ?? Path.Combine(directory, "circuit" + extension));
            AtomicFile.WriteAllText(target, text);
            console.Out.WriteLine($"{circuit.InputCount} inputs, {circuit.Gates.Count} gates ({circuit.LogicGateCount} computing), {circuit.Outputs.Count} outputs → {target}");
            return ExitCodes.Success;
        });
        return command;
    }
}
