using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Tasks;

/// <summary>Stop when solved: the rule, and the minibatch loop that every gradient learner shares.</summary>
public class EarlyStopTests
{
    [Fact]
    public void ItStopsWhenTheModelFitsOrWhenTheScoreHasNotImprovedForThePatience()
    {
        var stop = new EarlyStop(patience: 3, stepsPerEpoch: 50);
        Assert.Null(stop.Observe(1, 0.5));
        Assert.Null(stop.Observe(2, 0.52));
        Assert.Null(stop.Observe(3, 0.52)); // equal is no improvement
        Assert.Null(stop.Observe(4, 0.51));
        Assert.Equal(EarlyStopReason.Plateau, stop.Observe(5, 0.52));
        Assert.Equal((0.52, 2), stop.Best);
        Assert.Contains("no better training score for 3 epochs (best 0.52 at epoch 2)", stop.Describe(EarlyStopReason.Plateau, 5, 40));

        var solved = new EarlyStop(patience: 100);
        Assert.Null(solved.Observe(1, 0.9));
        Assert.Equal(EarlyStopReason.Solved, solved.Observe(2, 1.0));
        Assert.Equal("stopped at epoch 2 of 40: the model fits the training rows", solved.Describe(EarlyStopReason.Solved, 2, 40));
    }

    [Fact]
    public void AfterClearProgressAShortWindowWithoutGainEndsTheFitBeforeThePatience()
    {
        // Noisy rows: the score cannot reach 1; once it has risen and stays, the net has settled.
        var stop = new EarlyStop(patience: 50, stepsPerEpoch: 20);
        Assert.Equal(10, stop.SettleEpochs); // 200 steps of 20 per epoch
        Assert.Null(stop.Observe(1, 0.5));
        Assert.Null(stop.Observe(2, 0.6));
        for (int epoch = 3; epoch < 2 + stop.SettleEpochs; epoch++) Assert.Null(stop.Observe(epoch, 0.58));
        Assert.Equal(EarlyStopReason.Settled, stop.Observe(2 + stop.SettleEpochs, 0.59));
        Assert.Contains("rose from 0.5 to 0.6 (epoch 2) and then not for 10 epochs", stop.Describe(EarlyStopReason.Settled, 12, 100));

        // No progress yet (a net at chance, searching): it gets the whole patience.
        var searching = new EarlyStop(patience: 30);
        Assert.Null(searching.Observe(1, 0.5));
        Assert.Null(searching.Observe(2, 0.52));
        for (int epoch = 3; epoch < 32; epoch++) Assert.Null(searching.Observe(epoch, 0.51));
        Assert.Equal(EarlyStopReason.Plateau, searching.Observe(32, 0.5));
        Assert.Equal(4, new EarlyStop(patience: 4, stepsPerEpoch: 20).SettleEpochs);
        Assert.Equal(EarlyStop.DefaultSettleSteps, new EarlyStop(patience: 1000, stepsPerEpoch: 1).SettleEpochs); // a 1-step epoch: a window of 200 epochs
    }

    [Fact]
    public void PatienceZeroIsOffAndTheAutomaticOneGrowsWithThePlannedEpochs()
    {
        Assert.Null(EarlyStop.For(new FitOptions { Patience = 0 }, 200));
        Assert.Equal(7, EarlyStop.For(new FitOptions { Patience = 7 }, 200)!.Patience);
        Assert.Equal(EarlyStop.MinAutoPatience, EarlyStop.For(new FitOptions(), 5)!.Patience);
        Assert.Equal(EarlyStop.AutoPatience(400), EarlyStop.For(new FitOptions(), 400)!.Patience);
        Assert.True(EarlyStop.AutoPatience(400) > EarlyStop.MinAutoPatience);
    }

    [Fact]
    public void TheMinibatchLoopEndsAtTheEpochTheScoreSaysAndReportsWhy()
    {
        int epoch = 0;
        double[] scores = [0.5, 0.75, 1.0, 1.0];
        var fit = MinibatchLoop.Run(100, 10, new FitOptions { Epochs = 50 }, _ => 0.1, null, CancellationToken.None,
            trainScore: () => TrainingFit.Of(scores[epoch++]));
        Assert.Equal(RunStatus.Ok, fit.Status);
        Assert.Equal(3, fit.EpochsRun);
        Assert.Equal(EarlyStopReason.Solved, fit.Stopped);
        Assert.Equal(300, fit.SamplesSeen);

        var off = MinibatchLoop.Run(100, 10, new FitOptions { Epochs = 5, Patience = 0 }, _ => 0.1, null, CancellationToken.None, trainScore: () => TrainingFit.Of(1.0));
        Assert.Equal(5, off.EpochsRun);
        Assert.Null(off.Stopped);

        var flat = MinibatchLoop.Run(100, 10, new FitOptions { Epochs = 50, Patience = 4 }, _ => 0.1, null, CancellationToken.None, trainScore: () => TrainingFit.Of(0.6));
        Assert.Equal(5, flat.EpochsRun);
        Assert.Equal(EarlyStopReason.Plateau, flat.Stopped);
    }
}
