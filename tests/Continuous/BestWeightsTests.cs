using LogicNets.Continuous.Training;
using LogicNets.Tasks.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Tests.Continuous;

public class BestWeightsTests
{
    [Fact]
    public void TheWeightsOfTheBestTrainingScoreComeBackOnlyWhenTheEndIsWorse()
    {
        using var scope = NewDisposeScope();
        using var network = nn.Linear(3, 2);
        using var best = new BestWeights(network);
        float[] Weights() => network.weight!.detach().clone().data<float>().ToArray();

        best.Observe(1, new TrainingFit(0.6, false));
        using (no_grad()) network.weight!.add_(1);
        best.Observe(2, new TrainingFit(0.9, false));
        var atBest = Weights();
        using (no_grad()) network.weight!.add_(1);
        best.Observe(3, new TrainingFit(0.7, false)); // worse: not kept
        var atEnd = Weights();

        Assert.False(best.RestoreIfBetter(0.9)); // the end is as good: the last weights stay
        Assert.Equal(atEnd, Weights());
        Assert.True(best.RestoreIfBetter(0.7));
        Assert.Equal(2, best.Epoch);
        Assert.Equal(atBest, Weights());
    }
}

public class KeptWeightsFitTests
{
    /// <summary>A one-layer learner that keeps its best weights and counts the forward passes it makes in eval mode.</summary>
    private sealed class CountingLearner(LearnerRequest request, int predictChunk = 65536) : TorchLearner("counting", request, defaultLearningRate: 1e-3)
    {
        public int ScoringPasses => _network?.ScoringPasses ?? 0;

        /// <summary>Tensors alive on the thread at each eval-mode forward pass (TorchSharp's dispose-scope count).</summary>
        public IReadOnlyList<long> LiveTensors => _network?.LiveTensors ?? [];

        private CountingNetwork? _network;

        protected override bool KeepBestWeights => true;

        protected override int PredictChunk => predictChunk;

        protected override nn.Module<Tensor, Tensor> BuildNetwork() =>
            _network = new CountingNetwork(Request.Shape.InputWidth, Request.Shape.OutputWidth);
    }

    private sealed class CountingNetwork : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Linear _linear;

        public CountingNetwork(int inputs, int outputs) : base(nameof(CountingNetwork))
        {
            _linear = nn.Linear(inputs, outputs);
            RegisterComponents();
        }

        public int ScoringPasses { get; private set; }

        public List<long> LiveTensors { get; } = [];

        public override Tensor forward(Tensor input)
        {
            if (!training)
            {
                ScoringPasses++;
                LiveTensors.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
            }
            return _linear.forward(input);
        }
    }

    [Fact]
    public void AFitScoresItsTrainingRowsOnlyWhileStopWhenSolvedWatchesAndOnceMoreToCompareTheEnd()
    {
        // add:4 at a training fraction of 1/4: 64 rows, one batch, so every chunk of a scoring pass is one forward pass.
        var task = LogicNets.Tasks.Definitions.TaskName.Parse("add:4");
        var train = LogicNets.Tasks.Data.TaskDataFactory.Create(task, new() { Seed = 1, TrainFraction = 0.25 }).Train;

        using var once = new CountingLearner(new LearnerRequest(LearnerShape.Of(task), 1, new ModelSettings()));
        once.Fit(train, new FitOptions { Seed = 1, Epochs = 1 });
        Assert.Equal(0, once.ScoringPasses);
        Assert.Null(once.KeptEpoch);

        using var thrice = new CountingLearner(new LearnerRequest(LearnerShape.Of(task), 1, new ModelSettings()));
        thrice.Fit(train, new FitOptions { Seed = 1, Epochs = 3 });
        // Epochs 1 and 2 are scored for stop when solved; the end is scored once more to compare it with the best.
        Assert.Equal(3, thrice.ScoringPasses);

        // Patience 0 turns stop when solved off, so nothing is scored and nothing kept.
        using var unwatched = new CountingLearner(new LearnerRequest(LearnerShape.Of(task), 1, new ModelSettings()));
        unwatched.Fit(train, new FitOptions { Seed = 1, Epochs = 3, Patience = 0 });
        Assert.Equal(0, unwatched.ScoringPasses);
    }

    [Fact]
    public void ScoringInChunksHoldsOneChunksTensorsAtATime()
    {
        var task = LogicNets.Tasks.Definitions.TaskName.Parse("add:4");
        var train = LogicNets.Tasks.Data.TaskDataFactory.Create(task, new() { Seed = 1, TrainFraction = 0.25 }).Train;
        using var learner = new CountingLearner(new LearnerRequest(LearnerShape.Of(task), 1, new ModelSettings()), predictChunk: 8);

        learner.Fit(train, new FitOptions { Seed = 1, Epochs = 2 });

        // One scoring pass after epoch 1 and one at the end, 64 rows in chunks of 8: the live count must not climb
        // from chunk to chunk (it did by every chunk's intermediates when one scope spanned the pass).
        Assert.Equal(16, learner.LiveTensors.Count);
        foreach (var pass in learner.LiveTensors.Chunk(8))
            Assert.True(pass.Max() == pass.Min(), $"live tensors during one scoring pass: {string.Join(", ", pass)}");
    }
}
