using LogicNets.Continuous.Spl;
using LogicNets.Harness.Registry;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Definitions;
using TorchSharp;
using static TorchSharp.torch;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Continuous;

public class SparseProtoLinearTests
{
    private static SparseProtoLinear Layer(float[,] prototype, float[,] gate, SplOptions? options = null)
    {
        var layer = new SparseProtoLinear(prototype.GetLength(1), prototype.GetLength(0), options);
        using (no_grad())
        {
            layer.Prototype.copy_(tensor(prototype));
            layer.Gate.copy_(tensor(gate));
            layer.Computation.weight!.fill_(1);
            layer.Computation.bias!.fill_(0.5);
        }
        return layer;
    }

    [Fact]
    public void MaskIsExactForwardAndStraightThroughBackward()
    {
        using var scope = NewDisposeScope();
        // Expert 0 points at the input (match 1, cost 0.25): fires. Expert 1 points away (match −1): silent.
        // Expert 2 points at the input but its gate costs 2: silent.
        var layer = Layer(new float[,] { { 1, 0 }, { -1, 0 }, { 1, 0 } }, new float[,] { { 0.25f, 0 }, { 0, 0 }, { 2, 0 } });
        var input = tensor(new float[,] { { 1, 0 } });
        var output = layer.forward(input);
        Assert.Equal(new float[] { 1.5f, 0, 0 }, output.data<float>().ToArray());
        output.sum().backward();
        // Through the straight-through mask, the firing expert's gate gets ∂y/∂cost = −(μ·x + b) = −1.5 on x1.
        Assert.Equal(-1.5f, layer.Gate.grad![0, 0].item<float>(), 5);
        // r = ReLU(match − cost) is 0 for silent experts, so ReLU passes them no gradient.
        Assert.Equal(0f, layer.Gate.grad![1, 0].item<float>());
        Assert.Equal(0f, layer.Gate.grad![2, 0].item<float>());
    }

    [Fact]
    public void EveryRowMaskGradientReachesSilentExperts()
    {
        using var scope = NewDisposeScope();
        var layer = Layer(new float[,] { { 1, 0 }, { -1, 0 }, { 1, 0 } }, new float[,] { { 0.25f, 0 }, { 0, 0 }, { 2, 0 } },
            new SplOptions { MaskGradient = MaskGradient.Every });
        var output = layer.forward(tensor(new float[,] { { 1, 0 } }));
        Assert.Equal(new float[] { 1.5f, 0, 0 }, output.data<float>().ToArray()); // the same forward pass
        output.sum().backward();
        // Now the silent experts learn too: firing would add μ·x + b = 1.5 to this loss, so descent raises their cost.
        Assert.Equal(-1.5f, layer.Gate.grad![1, 0].item<float>(), 5);
        Assert.Equal(-1.5f, layer.Gate.grad![2, 0].item<float>(), 5);
    }

    [Fact]
    public void ARevivedExpertFiresOnTheRowItWasSeededFromWithoutChangingTheOutput()
    {
        using var scope = NewDisposeScope();
        torch.random.manual_seed(1);
        // Expert 1 points away from both rows and expert 2 is priced out: silent on the whole batch.
        var layer = Layer(new float[,] { { 1, 0 }, { -1, -1 }, { 1, 1 } }, new float[,] { { 0, 0 }, { 0, 0 }, { 3, 3 } });
        layer.train();
        var batch = tensor(new float[,] { { 1, 0.5f }, { 0.5f, 1 } });
        var before = layer.forward(batch).detach().clone();
        Assert.Equal(new float[] { 0, 0 }, before[.., 1].data<float>().ToArray());

        Assert.Equal(2, layer.Revive(tensor(new[] { false, true, true })));

        Assert.Equal(before.data<float>().ToArray(), layer.forward(batch).detach().data<float>().ToArray()); // μ and b zeroed
        foreach (int expert in new[] { 1, 2 })
        {
            var seededFrom = layer.Prototype[expert].data<float>().ToArray();
            int row = Enumerable.Range(0, 2).Single(r => batch[r].data<float>().ToArray().SequenceEqual(seededFrom));
            Assert.Equal(new float[] { 0, 0 }, layer.Gate[expert].data<float>().ToArray());
            Assert.Equal(1f, layer.LastMask![row, expert].item<float>()); // it fires there again
        }
        Assert.Equal(new float[] { 1, 0 }, layer.Prototype[0].data<float>().ToArray()); // the living expert is untouched
        Assert.Equal(0, layer.Revive(tensor(new[] { false, false, false })));
    }

    /// <summary>Two experts in training mode, torch's generator seeded; expert 1 points away from every positive input.</summary>
    private static SparseProtoLinear LayerWithASilentExpert()
    {
        torch.random.manual_seed(1);
        var layer = Layer(new float[,] { { 1, 0 }, { -1, -1 } }, new float[,] { { 0, 0 }, { 0, 0 } });
        layer.train();
        return layer;
    }

    [Fact]
    public void RevivalPutsTheEffectivePrototypeOnTheRowWhenAPrcResidualIsSet()
    {
        using var scope = NewDisposeScope();
        var layer = LayerWithASilentExpert();
        var batch = tensor(new float[,] { { 1, 0.5f } });
        using (NewDisposeScope()) // as in a training step: the residual and its graph go when the step's scope ends
        {
            layer.UsePrototypeResidual(tensor(new float[,] { { 0, 0 }, { -2, 3 } }));
            layer.forward(batch);
        }
        Assert.Equal(1, layer.Revive(tensor(new[] { false, true })));
        Assert.Equal(new float[] { 3, -2.5f }, layer.Prototype[1].data<float>().ToArray()); // row − residual
    }

    [Fact]
    public void TheEpochStatisticsReviveTheExpertsSilentThroughTheEpochAndCountThem()
    {
        using var scope = NewDisposeScope();
        var layer = LayerWithASilentExpert();
        using var stats = new SparseLayerStats([("l", layer)]);
        foreach (var row in new[] { new float[] { 1, 0.5f }, new float[] { 0.5f, 1 } })
        {
            layer.forward(tensor(row).unsqueeze(0));
            stats.AddBatch();
        }
        stats.EndEpoch(1, revive: true);
        layer.forward(tensor(new float[] { 1, 0.5f }).unsqueeze(0));
        stats.AddBatch();
        stats.EndEpoch(2, revive: false);

        Assert.Equal([0.5, 0.0], stats.Rows.Select(row => row.CollapsedShare)); // expert 1 silent in epoch 1, not after
        Assert.Equal([1, 0], stats.Rows.Select(row => row.Revived));
        Assert.Equal(new float[] { 0.5f, 1 }, layer.Prototype[1].data<float>().ToArray()); // the last batch's row
    }

    [Fact]
    public void SeedingPutsEachPrototypeOnADistinctCentredRowOfTheInputItSees()
    {
        using var scope = NewDisposeScope();
        torch.random.manual_seed(2);
        // Three experts pointing away from rows that all lie in the positive quadrant: silent on every row.
        var layer = Layer(new float[,] { { -1, -1 }, { -1, -0.5f }, { -0.5f, -1 } }, new float[3, 2]);
        layer.train();
        // Mean (2.5, 2). Centred, (2, 2) would become (−0.5, 0) and turn away from its own row: it moves 8/18 of μ instead.
        var batch = tensor(new float[,] { { 3, 1 }, { 1, 3 }, { 2, 2 }, { 4, 2 } });
        float[][] seeds = [[0.5f, -1], [-1.5f, 1], [2 - 20f / 18, 2 - 16f / 18], [1.5f, 0]];

        layer.SeedOnNextForward();
        layer.forward(batch);

        Assert.False(layer.SeedingPending);
        var rowOf = Enumerable.Range(0, 3)
            .Select(expert => Array.FindIndex(seeds, seed => Near(seed, layer.Prototype[expert].data<float>().ToArray())))
            .ToArray();
        Assert.All(rowOf, row => Assert.True(row >= 0, $"a prototype is on no seed of a row: {string.Join(" ", rowOf)}"));
        Assert.Equal(3, rowOf.Distinct().Count());
        for (int expert = 0; expert < 3; expert++)
            Assert.Equal(1f, layer.LastMask![rowOf[expert], expert].item<float>()); // it fires on its own row
        Assert.True(layer.LastMask!.mean().item<float>() < 1, "centred seeds fire on some rows only, not on all");
    }

    [Fact]
    public void SeedingOnlySilentExpertsLeavesTheFiringOnesWhereTheyAre()
    {
        using var scope = NewDisposeScope();
        var layer = LayerWithASilentExpert(); // expert 0 (1, 0) fires on positive rows, expert 1 (−1, −1) on none
        var batch = tensor(new float[,] { { 1, 0.5f }, { 0.5f, 1 } }); // mean (0.75, 0.75): centred rows (±0.25, ∓0.25)
        using var generator = new Generator(7);

        layer.SeedOnNextForward(generator, silentOnly: true);
        layer.forward(batch);

        Assert.Equal(new float[] { 1, 0 }, layer.Prototype[0].data<float>().ToArray());
        var moved = layer.Prototype[1].data<float>().ToArray();
        Assert.True(Near([0.25f, -0.25f], moved) || Near([-0.25f, 0.25f], moved), $"expert 1 at ({moved[0]}, {moved[1]})");
        Assert.Equal(1f, layer.LastMask![.., 1].sum().item<float>()); // it fires on the row it came from, not the other
    }

    private static bool Near(float[] expected, float[] actual) => expected.Zip(actual).All(pair => Math.Abs(pair.First - pair.Second) < 1e-5);

    [Fact]
    public void MetaStepPullsGoodPrototypesTowardTheirAnchorsAndPushesBadOnesAway()
    {
        using var scope = NewDisposeScope();
        // All four experts fire on every row (gates 0, prototypes in the positive quadrant like the inputs).
        var layer = Layer(new float[,] { { 1, 0.2f }, { 0.2f, 1 }, { 1, 0.5f }, { 0.5f, 1 } }, new float[4, 2]);
        layer.train();
        var input = tensor(new float[,] { { 1, 1 }, { 2, 1 }, { 1, 2 } });
        layer.forward(input);
        // Computational surprise 0.1, 0.2 (good: at or below the median) and 1, 2 (bad: at or above it).
        using (no_grad())
            layer.Computation.weight!.grad = tensor(new float[,] { { 0.1f, 0 }, { 0, 0.2f }, { 1, 0 }, { 0, 2 } });
        var anchor = nn.functional.normalize(input.sum([0]), dim: 0);
        var before = Alignment(layer.Prototype, anchor);

        new Msaps([layer], new SplOptions()).AddMetaGradients(batchAccuracy: 0.5);
        using (no_grad()) layer.Prototype.sub_(layer.Prototype.grad! * 0.5);

        var after = Alignment(layer.Prototype, anchor);
        Assert.True(after[0] > before[0] && after[1] > before[1], $"good: {before[0]}→{after[0]}, {before[1]}→{after[1]}");
        Assert.True(after[2] < before[2] && after[3] < before[3], $"bad: {before[2]}→{after[2]}, {before[3]}→{after[3]}");
        // The gate learned something too: surprising experts are asked to cost more.
        Assert.NotNull(layer.Gate.grad);
    }

    private static float[] Alignment(Tensor prototype, Tensor anchor) =>
        nn.functional.normalize(prototype.detach(), dim: -1).matmul(anchor).data<float>().ToArray();

    [Fact]
    public void DrlnBoundsAndIsProportional()
    {
        using var scope = NewDisposeScope();
        var input = tensor(new float[] { -3, 0.5f, 6, -12 });
        var output = Drln.Apply(input).data<float>().ToArray();
        Assert.All(output, value => Assert.InRange(value, -1f, 1f));
        Assert.Equal(-1f, output[3], 5);
        for (int i = 0; i < 4; i++) Assert.Equal(input[i].item<float>() / 12f, output[i], 5);
    }

    [Fact]
    public void AMetaLearningRateOfZeroFreezesPrototypesAndGatesWhileTheRestLearns()
    {
        var task = TaskName.Parse("add:2");
        var data = LogicNets.Tasks.Data.TaskDataFactory.Create(task, new LogicNets.Tasks.Data.SplitOptions { Seed = 1, TrainFraction = 1 });
        using var learner = new SplLearner(new LearnerRequest(LearnerShape.Of(task), 8, new ModelSettings { Options = "meta-learning-rate=0" }));
        learner.Fit(data.Train, new FitOptions { Seed = 1, Epochs = 1 });
        var start = Snapshot(learner);
        learner.Fit(data.Train, new FitOptions { Seed = 1, Epochs = 20, Patience = 0 });
        var end = Snapshot(learner);

        // The same seed builds the same start; after 20 epochs only the computation rows have moved.
        Assert.Equal(start["prototype"], end["prototype"]);
        Assert.Equal(start["gate"], end["gate"]);
        Assert.NotEqual(start["computation"], end["computation"]);
        var layers = learner.Network!.modules().OfType<SparseProtoLinear>().ToList();
        Assert.All(layers, layer => Assert.False(layer.Prototype.requires_grad || layer.Gate.requires_grad, "routing parameters still ask for gradients"));
    }

    /// <summary>The first SPL's prototype, gate and computation rows as flat arrays (the one-epoch fit moves nothing frozen either).</summary>
    private static Dictionary<string, float[]> Snapshot(SplLearner learner)
    {
        var layer = learner.Network!.modules().OfType<SparseProtoLinear>().First();
        return new()
        {
            ["prototype"] = layer.Prototype.data<float>().ToArray(),
            ["gate"] = layer.Gate.data<float>().ToArray(),
            ["computation"] = layer.Computation.weight!.data<float>().ToArray(),
        };
    }

    [Fact]
    public void SplLearnsAdd3AndReportsItsLayers()
    {
        var outcome = new RunExecutor(BuiltInModels.Catalog).Execute(
            new RunSpec { Task = TaskName.Parse("add:3"), Model = "spl", Size = 32, Seed = 1, TrainFraction = 1, Epochs = 400 });
        using var learner = outcome.Learner;
        Assert.Equal(RunStatus.Ok, outcome.Record.Status);
        Assert.True(outcome.Record.TrainBitAccuracy > 0.95, $"train bit accuracy {outcome.Record.TrainBitAccuracy}");
        Assert.InRange(outcome.Record.ActivationRate!.Value, 0.01, 0.99);
        Assert.NotNull(outcome.Record.CollapsedShare);
        var stats = ((LogicNets.Tasks.Learning.ILayerTelemetry)learner).LayerStats;
        Assert.InRange(outcome.Record.Epochs, 1, 400); // stop when solved may end the fit earlier
        Assert.Equal(outcome.Record.Epochs * 2, stats.Count);
    }
}
