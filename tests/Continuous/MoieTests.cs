using LogicNets.Continuous.Moie;
using LogicNets.Continuous.Spl;
using LogicNets.Harness.Registry;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using static TorchSharp.torch;

namespace LogicNets.Tests.Continuous;

public class MoieTests
{
    [Theory]
    [InlineData(4, 1, true)]
    [InlineData(6, 2, true)]
    [InlineData(8, 3, false)]
    public void ClosedFormParameterCountMatchesTheNetwork(int width, int depth, bool positions)
    {
        using var network = new MoieNetwork(inputWidth: 5, width, depth, outputWidth: 3, new MoieOptions { AbsolutePositions = positions });
        long counted = network.parameters().Sum(parameter => parameter.numel());
        Assert.Equal(counted, ExpectedParameters(5, width, depth, 3) + (positions ? 5 * width : 0));
    }

    /// <summary>
    /// The architecture's size in closed form without position vectors (those add inputs × width): token embedding (e, e0), per block two LayerNorms, four width×width SPLs
    /// (Q, K, V, O) and the FFN's two SPLs (width → 2·width → width); with more than one block a PRC stream per SPL kind
    /// (an experts×experts transform and a LayerNorm over the prototype width); the final LayerNorm and the readout
    /// over all tokens. An SPL of n inputs and m experts has μ, p, g (3·n·m) and a bias (m).
    /// </summary>
    private static long ExpectedParameters(int inputWidth, int width, int depth, int outputWidth)
    {
        static long Spl(int inputs, int experts) => 3L * inputs * experts + experts;
        static long Stream(int experts, int inputs) => (long)experts * experts + 2L * inputs;
        int wide = 2 * width;
        long block = 2 * 2L * width + 4 * Spl(width, width) + Spl(width, wide) + Spl(wide, width);
        long streams = depth > 1 ? 4 * Stream(width, width) + Stream(wide, width) + Stream(width, wide) : 0;
        return 2L * width + depth * block + streams + 2L * width + (long)inputWidth * width * outputWidth + outputWidth;
    }

    [Fact]
    public void RotaryScoresDependOnRelativePositionOnly()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        // The same query and key vector at every one of 6 positions: after rotation q_i·k_j must depend on i − j alone.
        var q = RotaryPositions.Apply(randn(1, 1, 8).expand(1, 6, 8));
        var k = RotaryPositions.Apply(randn(1, 1, 8).expand(1, 6, 8));
        var scores = q.matmul(k.transpose(1, 2))[0];
        for (int i = 0; i + 1 < 6; i++)
            for (int j = 0; j + 1 < 6; j++)
                Assert.Equal(scores[i, j].item<float>(), scores[i + 1, j + 1].item<float>(), 4);
        Assert.NotEqual(scores[0, 1].item<float>(), scores[0, 2].item<float>(), 3);
        // Position 0 is not rotated.
        var plain = randn(1, 3, 4);
        Assert.True(RotaryPositions.Apply(plain)[0, 0].allclose(plain[0, 0]));
    }

    [Fact]
    public void PrototypeResidualStreamFeedsLaterBlocks()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var network = new MoieNetwork(inputWidth: 3, width: 4, depth: 3, outputWidth: 2, new MoieOptions());
        network.forward(rand(2, 3));
        var query = network.Blocks.Select(block => block.Attention.Query).ToArray();
        Assert.True(query[0].EffectivePrototype.allclose(query[0].Prototype));
        // T starts as the identity, LN's affine as (1, 0): p_eff,1 = p_1 + LN(p_0), p_eff,2 = p_2 + LN(p_eff,1).
        var expected1 = query[1].Prototype + Normalised(query[0].Prototype);
        Assert.True(query[1].EffectivePrototype.allclose(expected1, atol: 1e-5));
        Assert.True(query[2].EffectivePrototype.allclose(query[2].Prototype + Normalised(expected1), atol: 1e-5));
        // The stream is learned: the loss reaches the transform of the second block on.
        network.forward(rand(2, 3)).sum().backward();
        var transform = network.named_parameters().First(named => named.name == "_streams.0._transform").parameter; // T of the Q stream
        Assert.NotNull(transform.grad);
        Assert.True(transform.grad.abs().sum().item<float>() > 0);
    }

    private static Tensor Normalised(Tensor rows) => nn.functional.layer_norm(rows, [rows.shape[1]]);

    [Fact]
    public void MoieLearnsAdd2AndReportsEverySparseLayer()
    {
        var outcome = new RunExecutor(BuiltInModels.Catalog).Execute(
            new RunSpec { Task = TaskName.Parse("add:2"), Model = "moie", Size = 8, Seed = 1, TrainFraction = 1, Epochs = 600 });
        using var learner = outcome.Learner;
        Assert.Equal(RunStatus.Ok, outcome.Record.Status);
        // Far above chance (0.5), with margin for the machine: libtorch's AVX-512 and AVX2 kernels round differently and the
        // seeded run ends elsewhere (measured: above 0.95 with AVX-512, 0.9375 = 45 of 48 bits with AVX2 only).
        Assert.True(outcome.Record.TrainBitAccuracy >= 0.9, $"train bit accuracy {outcome.Record.TrainBitAccuracy}");
        Assert.Equal(ExpectedParameters(4, 8, MoieLearner.DefaultDepth, 3) + 4 * 8, outcome.Record.Params); // + position vectors
        Assert.InRange(outcome.Record.ActivationRate!.Value, 0.01, 0.99);
        var stats = ((ILayerTelemetry)learner).LayerStats;
        // One row per layer per epoch run (stop when solved may end the fit before the 600).
        Assert.InRange(outcome.Record.Epochs, 1, 600);
        Assert.Equal(outcome.Record.Epochs * 6 * MoieLearner.DefaultDepth, stats.Count);
        Assert.Contains(stats, row => row.Layer == "b1.down");
    }

    [Fact]
    public void SeededPrototypesSitOnCentredInputsAndFireInEveryLayerOfEveryBlock()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var network = new MoieNetwork(inputWidth: 6, width: 8, depth: 2, outputWidth: 3, new MoieOptions());
        var layers = network.SparseLayers;
        var batch = randint(0, 2, [32, 6]).to_type(ScalarType.Float32);

        PrototypeSeeding.Seed(network, network.SeedingPasses, batch);
        Assert.True(network.training);
        network.forward(batch); // every layer now sees the input it was seeded on: all layers before it were seeded first

        foreach (var (name, layer) in layers)
        {
            var input = layer.LastInput!;
            var mean = input.mean([0]);
            // Block 1 matches p + its PRC residual: that sum, not p, must be seeded (the residual came from block 0's seeds).
            // Each seed is r − c·μ for a row r: its component orthogonal to μ is a row's.
            var along = mean / mean.norm();
            var seeds = layer.EffectivePrototype.detach();
            var seedsOff = seeds - seeds.matmul(along).outer(along);
            var rowsOff = input - input.matmul(along).outer(along);
            var distance = (seedsOff.unsqueeze(1) - rowsOff.unsqueeze(0)).abs().amax(-1).min(1).values.max().item<float>();
            Assert.True(distance < 1e-4, $"{name}: a seed is {distance} from every row off the mean's direction");
            var fired = layer.LastMask!.sum([0]);
            Assert.True(fired.min().item<float>() >= 1, $"{name}: an expert fired on no row");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SeedingInOnePassGivesThePrototypesOfOnePassPerLayer(bool silentOnly)
    {
        using var scope = NewDisposeScope();
        var batch = randint(0, 2, [32, 6], generator: new Generator(9)).to_type(ScalarType.Float32);
        Tensor[] SeededPrototypes(Func<MoieNetwork, IReadOnlyList<IReadOnlyList<SparseProtoLinear>>> passes)
        {
            manual_seed(8);
            using var network = new MoieNetwork(inputWidth: 6, width: 8, depth: 3, outputWidth: 3, new MoieOptions());
            using var generator = new Generator(8);
            PrototypeSeeding.Seed(network, passes(network), batch, generator, silentOnly);
            return network.SparseLayers.Select(entry => entry.Layer.Prototype.detach().clone()).ToArray();
        }

        var perLayer = SeededPrototypes(network => network.SparseLayers.Select(entry => (IReadOnlyList<SparseProtoLinear>)[entry.Layer]).ToList());
        // Each block's PRC residuals come from the blocks before it as they stand when it begins: seeded already.
        var onePass = SeededPrototypes(network => network.SeedingPasses);
        var unseeded = SeededPrototypes(_ => []);

        using (var network = new MoieNetwork(inputWidth: 6, width: 8, depth: 3, outputWidth: 3, new MoieOptions())) Assert.Single(network.SeedingPasses);
        for (int index = 0; index < perLayer.Length; index++)
            Assert.True(perLayer[index].eq(onePass[index]).all().item<bool>(), $"layer {index}: seeded differently in one pass");
        // Blocks 1 and 2 were seeded too (the check above could hold for layers no pass reached).
        Assert.Contains(Enumerable.Range(6, perLayer.Length - 6), index => !perLayer[index].eq(unseeded[index]).all().item<bool>());
    }

    [Fact]
    public void SeedingWithItsOwnGeneratorLeavesTorchsRandomStreamAsItWas()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var network = new MoieNetwork(inputWidth: 6, width: 8, depth: 2, outputWidth: 3, new MoieOptions());
        var batch = randint(0, 2, [32, 6]).to_type(ScalarType.Float32);
        using var generator = new Generator(6);
        var streamState = TorchSharp.torch.random.get_rng_state();
        var before = network.SparseLayers.Select(entry => entry.Layer.Prototype.detach().clone()).ToList();

        PrototypeSeeding.Seed(network, network.SeedingPasses, batch, generator, silentOnly: true);

        Assert.True(TorchSharp.torch.random.get_rng_state().eq(streamState).all().item<bool>(), "seeding drew from torch's default generator");
        // Block 0's layers see two vectors per bit position: with random prototypes some experts are silent, and move.
        Assert.Contains(network.SparseLayers.Select((entry, index) => !entry.Layer.Prototype.eq(before[index]).all().item<bool>()), moved => moved);
    }

    [Fact]
    public void OddSizesRoundUpToEvenWidths()
    {
        using var learner = (MoieLearner)BuiltInModels.Catalog.Get("moie").Create(
            new LearnerRequest(new LearnerShape(4, 3, TargetKind.Bits), 5, new ModelSettings()));
        Assert.Equal(6, learner.Width);
    }

    [Theory]
    [InlineData(8, "", SplKernel.Fused)]
    [InlineData(32, "", SplKernel.Fused)]
    [InlineData(64, "", SplKernel.Libtorch)] // libtorch's matrix products are faster there (BENCHMARKS.md)
    [InlineData(64, "kernel=fused", SplKernel.Fused)]
    [InlineData(8, "kernel=libtorch", SplKernel.Libtorch)]
    public void TheAutomaticKernelIsFusedUpToWidth32(int size, string options, SplKernel expected)
    {
        using var learner = new MoieLearner(new LearnerRequest(new LearnerShape(4, 3, TargetKind.Bits), size, new ModelSettings { Options = options }));
        Assert.Equal(expected, learner.Options.Kernel);
        Assert.Equal(SplKernel.Auto, new MoieOptions().Kernel);
    }
}
