using System.Diagnostics;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;
using LogicNets.Tasks.Metrics;

namespace LogicNets.Harness.Runs;

/// <summary>Runs one spec end to end — data, learner, fit, scores — and turns it into a run row.</summary>
public sealed class RunExecutor(ModelCatalog catalog)
{
    /// <summary>The learners this executor builds runs with.</summary>
    public ModelCatalog Catalog => catalog;

    /// <summary>The row, and the trained learner (the caller disposes it) for saving or inspection.</summary>
    public sealed record Outcome(RunRecord Record, ILearner Learner, TaskData Data);

    /// <summary>
    /// Executes a run. Bad configuration (unknown model, bad size or device, an unknown learner option) throws
    /// <see cref="LogicNets.Tasks.UserInputException"/> before training; a failure during training is recorded as status <c>failed</c> with its message. A run that
    /// fails inside libtorch is run once more from scratch (see <see cref="IsNativeFailure"/>); its row says so.
    /// </summary>
    public Outcome Execute(RunSpec spec, IProgress<FitProgress>? progress = null, CancellationToken cancellation = default)
    {
        var descriptor = catalog.Get(spec.Model);
        var data = TaskDataFactory.Create(spec.Task, new SplitOptions { Seed = spec.Seed, TrainFraction = spec.EffectiveTrainFraction, Noise = spec.Noise });
        var (record, learner, failure) = Attempt(spec, descriptor, data, progress, cancellation);
        if (failure is not null && IsNativeFailure(failure))
        {
            learner.Dispose();
            (record, learner, _) = Attempt(spec, descriptor, data, progress, cancellation);
            string first = $"{failure.GetType().Name}: {FirstLine(failure.Message)}";
            record.Message = record.Message is { Length: > 0 } message
                ? $"{message} (retried: the first attempt failed inside libtorch with {first})"
                : $"retried: the first attempt failed inside libtorch with {first}";
        }
        return new Outcome(record, learner, data);
    }

    /// <summary>
    /// An error thrown by libtorch rather than by this code. TorchSharp 0.107 does not keep the temporary scalars it
    /// creates (a default <c>alpha</c> of every tensor addition, a number added to a tensor) alive across the native
    /// call, so a garbage collection at the wrong moment lets the finalizer free one in use: libtorch then reads
    /// garbage ("Unknown scalar type"). It is rare (1 of 1 320 full-suite runs) and the retry, being seeded, gives
    /// the numbers a clean run gives.
    /// </summary>
    public static bool IsNativeFailure(Exception e) => e is System.Runtime.InteropServices.ExternalException;

    private (RunRecord Record, ILearner Learner, Exception? Failure) Attempt(RunSpec spec, ModelDescriptor descriptor, TaskData data,
        IProgress<FitProgress>? progress, CancellationToken cancellation)
    {
        // Before the learner exists: a network's initialisation runs on the pool too.
        LogicNets.Continuous.Torch.TorchRuntime.UseThreads(spec.Settings.Threads ?? ModelSettings.DefaultThreads);
        var learner = descriptor.Create(new LearnerRequest(LearnerShape.Of(spec.Task), spec.Size, spec.Settings));
        var record = spec.Identity();
        record.Model = descriptor.Name;
        record.OptionDefaults = descriptor.OptionDefaults;
        record.Noise = data.Noise;
        record.TrainRows = data.Train.Rows;
        record.TestRows = data.Test.Rows;
        Exception? failure = null;
        var clock = Stopwatch.StartNew();
        try
        {
            var report = learner.Fit(data.Train, spec.FitOptions(), progress, cancellation);
            double fitSeconds = clock.Elapsed.TotalSeconds;
            record.Epochs = report.EpochsRun;
            record.Status = report.Status;
            record.Message = report.Message;
            record.Starts = report.Starts;
            record.Gates = learner.GateCount;
            record.SamplesPerSecond = fitSeconds > 0 ? Math.Round(report.SamplesSeen / fitSeconds, 1) : null;
            RecordSparsity(record, learner);
            // A diverged run has no meaningful predictions; it keeps its status and no scores.
            if (report.Status is RunStatus.Ok or RunStatus.Budget) Score(record, learner, data);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = e;
            record.Status = RunStatus.Failed;
            // libtorch appends its C++ stack trace to the message; the first line is the part a reader can act on.
            record.Message = $"{e.GetType().Name}: {(IsNativeFailure(e) ? FirstLine(e.Message) : e.Message)}";
        }
        record.Params = learner.ParameterCount; // the model as built: known once the fit has built it
        record.WallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
        return (record, learner, failure);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd();

    private static void RecordSparsity(RunRecord record, ILearner learner)
    {
        if (learner is not ILayerTelemetry telemetry || telemetry.FinalSparsity() is not { } final) return;
        record.ActivationRate = Math.Round(final.ActivationRate, 4);
        record.CollapsedShare = Math.Round(final.CollapsedShare, 4);
        record.LargestCollapsedShare = Math.Round(final.LargestCollapsedShare, 4);
    }

    private static void Score(RunRecord record, ILearner learner, TaskData data)
    {
        if (data.Task.Kind == TargetKind.Bits)
        {
            var train = BitScore.Of(learner.Predict(data.Train), data.Train);
            var test = BitScore.Of(learner.Predict(data.Test), data.Test);
            double baseline = MemoriseBaseline.BitAccuracy(data.Train, data.Test);
            record.TrainBitAccuracy = train.BitAccuracy;
            record.TestBitAccuracy = test.BitAccuracy;
            record.TestExact = test.ExactMatch;
            record.BaselineAccuracy = baseline;
            record.Gain = MemoriseBaseline.Gain(test.BitAccuracy, baseline);
            record.Solved = test.ExactMatch >= 1.0;
            // Train and test rows of an enumerated, noise-free split are the whole table: the scores have checked every
            // input, and either every one agrees with the rule or some row is a counterexample. Anything else is a sample.
            record.Verified = data.Mode == SplitMode.Enumerated && data.Noise == 0
                ? (train.BitAccuracy >= 1 && test.ExactMatch >= 1 ? Verification.Exhaustive : Verification.Counterexample)
                : Verification.Sampled;
            if (learner is LogicNets.Digital.Learners.CircuitLearner { Circuit: { } circuit })
                record.AigAnds = LogicNets.Digital.Aig.AndInverterGraph.FromCircuit(circuit).AndCount;
            if (learner is IDistilledLearner { Teacher: { } teacher })
                record.TeacherTestBitAccuracy = BitScore.Of(teacher.Predict(data.Test), data.Test).BitAccuracy;
            if (data.Task is FileTask { HoldoutTable: { } holdout })
            {
                var rows = holdout.ToDataset();
                record.HoldoutBitAccuracy = BitScore.Of(learner.Predict(rows), rows).BitAccuracy;
            }
        }
        else
        {
            var test = RegressionScore.Of(learner.Predict(data.Test), data.Test);
            record.Mse = test.Mse;
            record.Solved = test.Success;
            if (!double.IsFinite(test.Mse))
            {
                record.Status = RunStatus.Diverged;
                record.Message = $"test MSE is {test.Mse}";
                record.Solved = null;
            }
        }
    }
}
