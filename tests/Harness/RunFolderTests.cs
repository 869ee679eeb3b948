using LogicNets.Digital.Circuits;
using LogicNets.Harness.Diagnosis;
using LogicNets.Harness.Registry;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Harness;

public sealed class RunFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("logicnets-runfolder-").FullName;

    private static RunExecutor.Outcome Run(string model, int epochs) => new RunExecutor(BuiltInModels.Catalog).Execute(
        new RunSpec { Task = TaskName.Parse("add:2"), Model = model, Size = 4, TrainFraction = 1, Epochs = epochs });

    [Fact]
    public void ASparseLearnersFolderHoldsItsRowModelAndLayerStatisticsUnderDistinctNames()
    {
        var outcome = Run("spl", epochs: 3);
        using var learner = outcome.Learner;
        var folder = new RunFolder(Path.Combine(_dir, "spl"));
        var files = folder.Write(outcome.Record, learner);

        Assert.Equal(outcome.Record, Assert.Single(RunCsv.Read(files.Run)));
        Assert.Equal(Path.Combine(folder.Directory, "model.dat"), files.Model);
        Assert.Equal(Path.Combine(folder.Directory, RunFolder.SparseLayersFile), files.SparseLayers);
        Assert.NotEqual(RunFolder.SparseLayersFile, DiagnosisReport.TableFile);
        var stats = folder.ReadSparseLayers();
        Assert.Equal(((ILayerTelemetry)learner).LayerStats, stats);
        Assert.Equal(3 * 2, stats.Count); // 3 epochs × 2 SPL layers
        Assert.Equal(SparseLayersReport.Files.Select(name => Path.Combine(folder.Directory, name)), files.Pictures);
        Assert.All(files.Pictures, picture => Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(picture)[..4]));
    }

    [Fact]
    public void TheSparseSummarySaysWhenEachLayersCollapseSetIn()
    {
        LayerEpochStats Row(int epoch, string layer, double collapsed) => new() { Epoch = epoch, Layer = layer, ActivationRate = 0.25, CollapsedShare = collapsed };
        double[] upper = [0, 0.5, 0.25, 0.5, 0.75, 0.75];
        var stats = upper.Select((collapsed, index) => Row(index + 1, "b0.up", collapsed))
            .Concat(Enumerable.Range(1, 6).Select(epoch => Row(epoch, "b0.q", 0))).ToList();
        var lines = SparseLayersReport.Summary(stats);
        Assert.Equal(["b0.up      activation 0.250  collapsed 0.750, reached at epoch 5", "b0.q       activation 0.250  collapsed 0.000"], lines);
        stats[1] = stats[1] with { Revived = 2 };
        stats[2] = stats[2] with { Revived = 1 };
        Assert.Equal("b0.up      activation 0.250  collapsed 0.750, reached at epoch 5; 3 experts revived over the run", SparseLayersReport.Summary(stats)[0]);
        // A fit that kept epoch 4's weights: that epoch's collapse, settled since epoch 4 (epoch 3 had less).
        Assert.Equal("b0.up      activation 0.250  collapsed 0.500, reached at epoch 4; 3 experts revived over the run", SparseLayersReport.Summary(stats, keptEpoch: 4)[0]);
        Assert.Equal(lines[1], SparseLayersReport.Summary(stats, keptEpoch: 99)[1]); // an epoch without rows: the last
    }

    private sealed class Telemetry(int? kept, params LayerEpochStats[] rows) : ILayerTelemetry
    {
        public IReadOnlyList<LayerEpochStats> LayerStats => rows;

        public int? KeptEpoch => kept;
    }

    [Fact]
    public void AFitThatKeptEarlierWeightsReportsTheSparsityOfThatEpoch()
    {
        LayerEpochStats Row(int epoch, string layer, double activation, double collapsed) =>
            new() { Epoch = epoch, Layer = layer, ActivationRate = activation, CollapsedShare = collapsed };
        LayerEpochStats[] rows = [Row(1, "a", 0.5, 0), Row(1, "b", 0.3, 0.1), Row(2, "a", 0.4, 0.2), Row(2, "b", 0.2, 0.4), Row(3, "a", 0.1, 0.8), Row(3, "b", 0.1, 0.9)];
        void Check(int? kept, double activation, double collapsed, double largest)
        {
            var final = ((ILayerTelemetry)new Telemetry(kept, rows)).FinalSparsity()!.Value;
            Assert.Equal(activation, final.ActivationRate, 12);
            Assert.Equal(collapsed, final.CollapsedShare, 12);
            Assert.Equal(largest, final.LargestCollapsedShare, 12);
        }
        Check(2, 0.3, 0.3, 0.4);
        Check(null, 0.1, 0.85, 0.9);
        Check(7, 0.1, 0.85, 0.9); // an epoch without rows: the last one's
        Assert.Null(((ILayerTelemetry)new Telemetry(2)).FinalSparsity());
    }

    [Fact]
    public void StatisticsOfRunsWrittenBeforeTheRenameAreStillRead()
    {
        var outcome = Run("spl", epochs: 2);
        using var learner = outcome.Learner;
        var folder = new RunFolder(Path.Combine(_dir, "old"));
        folder.Write(outcome.Record, learner);
        File.Move(Path.Combine(folder.Directory, RunFolder.SparseLayersFile), Path.Combine(folder.Directory, RunFolder.LegacySparseLayersFile));
        Assert.Equal(((ILayerTelemetry)learner).LayerStats, folder.ReadSparseLayers());
    }

    [Fact]
    public void StatisticsWrittenBeforeTheRevivedColumnReadAsNoneRevived()
    {
        var folder = new RunFolder(_dir);
        File.WriteAllText(Path.Combine(_dir, RunFolder.SparseLayersFile),
            "epoch,layer,activation_rate,prototype_norm,mean_cost,collapsed_share\n1,b0.q,0.5,2.9,0.02,0.125\n");
        var row = Assert.Single(folder.ReadSparseLayers());
        Assert.Equal(new LayerEpochStats { Epoch = 1, Layer = "b0.q", ActivationRate = 0.5, PrototypeNorm = 2.9, MeanCost = 0.02, CollapsedShare = 0.125 }, row);
    }

    [Fact]
    public void ADiagnoseLayerTableIsNotMistakenForStatistics()
    {
        var folder = new RunFolder(_dir);
        File.WriteAllText(Path.Combine(_dir, DiagnosisReport.TableFile), "layer,depth,type\nlinear0,1,Linear\n");
        Assert.Empty(folder.ReadSparseLayers());
    }

    [Fact]
    public void OnlyAScoredRunLeavesAModel()
    {
        var outcome = Run("gates", epochs: 2);
        using var learner = outcome.Learner;
        var ok = new RunFolder(Path.Combine(_dir, "ok")).Write(outcome.Record, learner);
        Assert.Equal(Path.Combine(_dir, "ok", CircuitJson.FileName), ok.Model);
        Assert.Null(ok.SparseLayers);

        var budget = new RunFolder(Path.Combine(_dir, "budget")).Write(outcome.Record with { Status = RunStatus.Budget }, learner);
        Assert.Equal(Path.Combine(_dir, "budget", CircuitJson.FileName), budget.Model); // stopped by its budget, kept and saved

        var failed = new RunFolder(Path.Combine(_dir, "failed")).Write(outcome.Record with { Status = RunStatus.Failed }, learner);
        Assert.Null(failed.Model);
        Assert.False(File.Exists(Path.Combine(_dir, "failed", CircuitJson.FileName)));
        Assert.True(File.Exists(failed.Run));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
