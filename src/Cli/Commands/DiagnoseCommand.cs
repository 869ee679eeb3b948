using System.CommandLine;
using System.Globalization;
using LogicNets.Cli.Progress;
using LogicNets.Diagnostics.Diagnosis;
using LogicNets.Harness.Diagnosis;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli.Commands;

/// <summary><c>logicnets diagnose</c>: train one learner, then tabulate and draw vanishing, rank and gradient profile per layer.</summary>
public static class DiagnoseCommand
{
    public static Command Create(CliConsole console, ModelCatalog catalog)
    {
        string inspectable = catalog.NamesWith(LearnerTraits.InspectableLayers);
        string sparse = catalog.NamesWith(LearnerTraits.LayerTelemetry);
        var run = new SingleRunOptions(catalog, $"one with inspectable layers, {inspectable}; or with sparse layers, {sparse}");
        var output = new Option<string>("--out") { Description = $"output folder for {DiagnosisReport.TableFile}, {RunFolder.RunFile} and the PNGs (sparse learners also {RunFolder.SparseLayersFile}: where and when experts die)", Required = true };
        var probe = new Option<bool>("--low-rank-probe") { Description = "also report the best rank-r error of each weight matrix (from its singular values) and the rank where it stops falling" };
        var untrained = new Option<bool>("--untrained") { Description = "inspect the freshly initialised network instead of training it first" };
        var training = new TrainingOptionSet(catalog);
        var force = OutputPath.ForceOption("the diagnosis files in --out");
        var command = new Command("diagnose", "why a learner fails: per-layer information vanishing, rank capacity and gradient profile (plain vs protected), as CSV and PNGs");
        run.AddTo(command);
        command.Add(output);
        command.Add(probe);
        command.Add(untrained);
        command.Add(force);
        training.AddTo(command);

        CommandBody.Attach(command, console, (parse, cancellation) =>
        {
            var (learningTask, descriptor, sizeValue, seedValue) = run.Parse(parse);
            // Refused before the training time is spent.
            bool layered = descriptor.Has(LearnerTraits.InspectableLayers), telemetry = descriptor.Has(LearnerTraits.LayerTelemetry);
            if (!layered && !telemetry)
                throw new UsageException($"diagnose cannot inspect '{descriptor.Name}' layer by layer; diagnose covers {inspectable} (and the sparse layers of {sparse})");
            var spec = training.SingleRun(parse, new RunSpec { Task = learningTask, Model = descriptor.Name, Size = sizeValue, Seed = seedValue });
            if (parse.GetValue(untrained)) spec = spec with { Epochs = 0 };
            var folder = new RunFolder(OutputPath.ClaimDirectory(parse.GetValue(output)!,
                [RunFolder.RunFile, .. DiagnosisReport.Files, RunFolder.SparseLayersFile, .. SparseLayersReport.Files], parse.GetValue(force), "a diagnosis"));

            console.Out.WriteLine($"diagnose {RunResultLine.Describe(spec)} → {folder.Directory}");
            var outcome = SweepDisplay.RunOne(console, new RunExecutor(catalog), spec, cancellation);
            using var learner = outcome.Learner;
            folder.WriteRun(outcome.Record);
            if (outcome.Record.Status is not (RunStatus.Ok or RunStatus.Budget))
                throw new UsageException($"training ended with status {outcome.Record.Status.Name()} ({outcome.Record.Message}); nothing to diagnose");

            string title = $"{descriptor.Name} {sizeValue} on {learningTask.Name}";
            var files = new List<string>();
            if (layered)
            {
                var diagnosis = LearnerDiagnosis.Of(learner, outcome.Data, spec.Seed, parse.GetValue(probe));
                files.AddRange(DiagnosisReport.Write(diagnosis, folder.Directory, title));
                Print(console, diagnosis);
            }
            var (table, pictures) = folder.WriteSparseLayers(learner, title);
            if (table is not null)
            {
                var sparse = (ILayerTelemetry)learner;
                string epoch = sparse.KeptEpoch is { } kept ? $"epoch {kept}, whose weights the fit kept" : "the last epoch";
                console.Out.WriteLine($"sparse layers at {epoch} (collapsed: experts that fired on no training row of the epoch):");
                foreach (string line in SparseLayersReport.Summary(sparse.LayerStats, sparse.KeptEpoch)) console.Out.WriteLine("  " + line);
                files.Add(table);
                files.AddRange(pictures);
            }
            foreach (string file in files) console.Out.WriteLine($"wrote {file}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliConsole console, NetworkDiagnosis diagnosis)
    {
        var o = console.Out;
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine("layer          input-dep  var-share  dead   |Wx|/|b|   rank num/eff/stable   grad RMS plain  protected");
        foreach (var row in diagnosis.Layers)
            o.WriteLine(string.Format(inv, "{0,-14} {1,9:0.000}  {2,9:0.000}  {3,5:0.00}  {4,9}   {5,-20}  {6,14:E2}  {7,9}",
                row.Layer, row.InputDependence, row.VarianceShare, row.DeadShare,
                row.WeightToBias is { } wb ? wb.ToString("0.###", inv) : "—",
                row.NumericalRank is { } rank ? $"{rank}/{row.EffectiveRank:0.#}/{row.StableRank:0.#}" + (row.ProbeRank is { } p ? $" probe {p}" : "") : "—",
                row.WeightGradientRms ?? row.ActivationGradientRms,
                row.ProtectedWeightGradientRms is { } g ? g.ToString("E2", inv) : "—"));
        if (diagnosis.PathwayRankBound is { } bound) o.WriteLine($"pathway rank bound (smallest numerical rank): {bound}");
        o.WriteLine(diagnosis.IgnoresInput is { } reason ? $"IGNORES ITS INPUT: {reason}" : "the output still depends on the input");
    }
}
