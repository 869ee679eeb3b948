using System.Diagnostics;
using LogicNets.Tasks.Data;

namespace LogicNets.Tasks.Learning;

/// <summary>
/// The epoch/minibatch schedule every gradient learner shares, free of any tensor library: seeded shuffling,
/// a default epoch count from a step budget, the time budget, cancellation, divergence (non-finite loss) and
/// per-epoch progress. The caller supplies one optimisation step on a batch of row indices.
/// </summary>
public static class MinibatchLoop
{
    /// <summary>Optimizer steps a run gets when no epoch count is given.</summary>
    public const int DefaultStepBudget = 4000;

    public const int MaxDefaultEpochs = 2000;

    /// <summary>Epochs that give about <paramref name="stepBudget"/> optimizer steps (at least 1, at most <see cref="MaxDefaultEpochs"/>).</summary>
    public static int DefaultEpochs(int rows, int batchSize, int stepBudget = DefaultStepBudget)
    {
        int batch = Math.Max(1, Math.Min(batchSize, rows));
        int stepsPerEpoch = (rows + batch - 1) / batch;
        return Math.Clamp((stepBudget + stepsPerEpoch - 1) / stepsPerEpoch, 1, MaxDefaultEpochs);
    }

    /// <summary>
    /// Epochs a run trains: the explicit count, else about the learner's default step budget, lowered to
    /// <see cref="FitOptions.StepCap"/> when one is set.
    /// </summary>
    public static int EpochsFor(FitOptions options, int rows, int batchSize, int defaultStepBudget = DefaultStepBudget) =>
        options.Epochs ?? DefaultEpochs(rows, batchSize, Math.Min(defaultStepBudget, options.StepCap ?? int.MaxValue));

    /// <summary>Optimizer steps a run of <paramref name="epochs"/> takes.</summary>
    public static long TotalSteps(int rows, int batchSize, int epochs)
    {
        int batch = Math.Max(1, Math.Min(batchSize, rows));
        return (long)epochs * ((rows + batch - 1) / batch);
    }

    /// <param name="step">Trains on the given rows and returns the batch's mean loss.</param>
    /// <param name="trainScore">
    /// The model's fit to the training rows as it stands, asked after every epoch for stop when solved
    /// (<see cref="EarlyStop"/>, <see cref="FitOptions.Patience"/>); null: the fit runs its planned epochs.
    /// </param>
    /// <param name="rules">Which of stop when solved's rules apply (<see cref="EarlyStop.For"/>).</param>
    public static FitReport Run(int rows, int batchSize, FitOptions options, Func<long[], double> step,
        IProgress<FitProgress>? progress, CancellationToken cancellation, int stepBudget = DefaultStepBudget, Func<TrainingFit>? trainScore = null,
        EarlyStopRules rules = EarlyStopRules.All)
    {
        if (rows < 1) throw new ArgumentException("cannot train on an empty dataset");
        int batch = Math.Min(batchSize, rows);
        int epochs = EpochsFor(options, rows, batchSize, stepBudget);
        var shuffle = SeedStream.For(options.Seed, "minibatches");
        var order = new long[rows];
        for (int i = 0; i < rows; i++) order[i] = i;
        options = options.WithBudgetClock();
        var stop = trainScore is null ? null : EarlyStop.For(options, epochs, (rows + batch - 1) / batch, rules);
        long samples = 0;
        double epochLoss = double.NaN;

        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            shuffle.Shuffle(order);
            double lossSum = 0;
            for (int start = 0; start < rows; start += batch)
            {
                if (cancellation.IsCancellationRequested)
                    return new FitReport(RunStatus.Cancelled, epoch - 1, epochLoss, samples, "cancelled");
                if (options.BudgetLeft < TimeSpan.Zero)
                    return new FitReport(RunStatus.Budget, epoch - 1, epochLoss, samples, options.BudgetMessage());
                int count = Math.Min(batch, rows - start);
                double loss = step(order[start..(start + count)]);
                if (!double.IsFinite(loss))
                    return new FitReport(RunStatus.Diverged, epoch, loss, samples, $"loss became {loss} in epoch {epoch}");
                lossSum += loss * count;
                samples += count;
            }
            epochLoss = lossSum / rows;
            progress?.Report(new FitProgress(epoch, epochs, epochLoss));
            if (stop is not null && epoch < epochs && stop.Observe(epoch, trainScore!()) is { } reason)
                return new FitReport(RunStatus.Ok, epoch, epochLoss, samples, stop.Describe(reason, epoch, epochs)) { Stopped = reason };
        }
        return new FitReport(RunStatus.Ok, epochs, epochLoss, samples);
    }
}
