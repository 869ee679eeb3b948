using System.CommandLine;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Files;
using LogicNets.Tasks.Learning;
using LogicNets.Tasks.Metrics;
using LogicNets.Tasks.Tables;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets predict</c>: a saved run's model answers rows from a file or stdin, written as PLA or CSV.</summary>
public static class PredictCommand
{
    public static Command Create(CliConsole console, ModelCatalog catalog)
    {
        var run = new Option<string?>("--run") { Description = "run folder written by 'logicnets train'" };
        var circuitFile = new Option<string?>("--circuit") { Description = $"a circuit file to predict with instead of a run ({LogicNets.Digital.Circuits.CircuitFile.Extensions})" };
        var data = new Option<string>("--data") { Description = "rows to predict: a PLA or CSV file, or - for lines of bits on stdin (input 0 first)", Required = true };
        var inputs = new Option<string?>("--inputs") { Description = "CSV: the input columns, comma-separated (default: all columns if there are as many as the model's inputs, else all but the last)" };
        var format = new Option<string?>("--format") { Description = "output format: pla or csv (default: pla for PLA input, csv otherwise)" };
        var output = new Option<string?>("--out") { Description = "output file (default: stdout)" };
        var force = OutputPath.ForceOption("the output file");
        var command = new Command("predict", "predict rows with a trained run's model (any learner); prints the accuracy when the rows carry outputs")
            { run, circuitFile, data, inputs, format, output, force };

        CommandBody.AttachWithJson(command, console, (parse, console, json, _) =>
        {
            string path = parse.GetValue(data)!;
            string? kind = parse.GetValue(format)?.Trim().ToLowerInvariant();
            if (kind is not (null or "pla" or "csv")) throw new UsageException($"--format must be pla or csv, got '{kind}'");
            string? target = parse.GetValue(output) is { } o ? OutputPath.ClaimFile(o, parse.GetValue(force)) : null;
            string? directory = parse.GetValue(run), file = parse.GetValue(circuitFile);
            if ((directory is null) == (file is null)) throw new UsageException("give either --run DIR or --circuit FILE");
            var (inputWidth, outputWidth, predict, source) = Predictor(directory, file, catalog);
            using var owned = source;
            var columns = parse.GetValue(inputs)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var rows = InputRows.Read(path, inputWidth, columns, console.In);
            var dataset = rows.ToDataset(outputWidth);
            var predicted = predict(dataset);
            var outputNames = rows.Labelled?.OutputNames ?? Enumerable.Range(0, outputWidth).Select(k => $"y{k}").ToArray();
            var table = new TruthTable(path, rows.InputNames, outputNames, rows.Inputs, predicted.Select(v => v > 0.5f ? (byte)1 : (byte)0).ToArray(), null);
            kind ??= rows.FromPla ? "pla" : "csv";
            void Write(TextWriter writer)
            {
                if (kind == "pla") PlaFormat.Write(writer, table, $"predictions of {directory ?? file} for {path}");
                else CsvTableFormat.Write(writer, table);
            }
            if (target is null && json is null) Write(console.Out);
            else if (target is not null)
            {
                AtomicFile.Write(target, temp =>
                {
                    using var writer = new StreamWriter(temp);
                    Write(writer);
                });
            }
            console.Error.WriteLine($"{rows.Rows} rows predicted by {(source is { } saved ? $"{saved.Spec.Model} (size {saved.Spec.Size}, seed {saved.Spec.Seed})" : file)}{(target is null ? "" : $" → {target}")}");
            BitScore? score = rows.Labelled is { } labelled ? BitScore.Of(predicted, labelled.ToDataset()) : null;
            if (score is { } known)
                console.Error.WriteLine($"against the file's outputs: bit accuracy {known.BitAccuracy:0.0000}, exact-match {known.ExactMatch:0.0000}");
            if (json is not null)
            {
                string Bits(byte[] values, int row, int width) => string.Concat(values.AsSpan(row * width, width).ToArray().Select(v => v == 0 ? '0' : '1'));
                JsonOutput.Write(json, new
                {
                    Source = directory ?? file, Data = path, InputNames = table.InputNames, OutputNames = table.OutputNames,
                    Rows = Enumerable.Range(0, table.Rows).Select(r => new { Input = Bits(table.Inputs, r, table.InputWidth), Output = Bits(table.Outputs, r, table.OutputWidth) }).ToList(),
                    BitAccuracy = score?.BitAccuracy, ExactMatch = score?.ExactMatch,
                });
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The model's shape and prediction: a reloaded run, or a circuit file evaluated bit-parallel.</summary>
    private static (int Inputs, int Outputs, Func<Dataset, float[]> Predict, SavedRun? Run) Predictor(string? directory, string? file, ModelCatalog catalog)
    {
        if (directory is not null)
        {
            var saved = SavedRun.Load(directory, catalog);
            return (saved.Spec.Task.InputWidth, saved.Spec.Task.OutputWidth, saved.Learner.Predict, saved);
        }
        var circuit = LogicNets.Digital.Circuits.CircuitFile.Load(file!);
        var compiled = new LogicNets.Digital.Evaluation.CompiledCircuit(circuit);
        return (circuit.InputCount, circuit.Outputs.Count, compiled.Predict, null);
    }
}
