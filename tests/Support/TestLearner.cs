using LogicNets.Tasks.Data;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Support;

/// <summary>
/// A deterministic learner for harness tests: predicts the training label for rows it saw (a memoriser) and, for
/// unseen rows, a bit pattern that depends on size and seed — so every (size, seed) gives distinct, repeatable numbers.
/// It can also be told to overrun its budget or diverge.
/// </summary>
public sealed class TestLearner(LearnerRequest request) : ILearner
{
    public const int DivergingSize = 666;
    public const int SlowSize = 777;

    private Dictionary<UInt128, float[]> _memory = [];
    private int _seed;

    public static ModelCatalog Catalog { get; } = new([
        new ModelDescriptor("memo", "test memoriser", "any", LearnerTraits.BitTargets | LearnerTraits.RealTargets, r => new TestLearner(r)),
    ]);

    public string Model => "memo";

    public long? ParameterCount => request.Size * 10L;

    public long? GateCount => null;

    public FitReport Fit(Dataset train, FitOptions options, IProgress<FitProgress>? progress = null, CancellationToken cancellation = default)
    {
        _seed = options.Seed;
        if (request.Size == DivergingSize) return new FitReport(RunStatus.Diverged, 1, double.NaN, train.Rows, "loss became NaN in epoch 1");
        _memory = [];
        for (int r = 0; r < train.Rows; r++) _memory.TryAdd(train.Key(r), train.TargetRow(r).ToArray());
        if (request.Size == SlowSize)
        {
            // Keeps training until the budget ends, then keeps what it has (the memorised rows), as every learner does.
            options = options.WithBudgetClock();
            while (options.BudgetLeft is not { } left || left > TimeSpan.Zero)
            {
                if (cancellation.IsCancellationRequested) return new FitReport(RunStatus.Cancelled, 0, double.NaN, 0);
                Thread.Sleep(5);
            }
            return new FitReport(RunStatus.Budget, 1, 0.5, train.Rows, options.BudgetMessage());
        }
        progress?.Report(new FitProgress(1, 1, 0.5));
        return cancellation.IsCancellationRequested
            ? new FitReport(RunStatus.Cancelled, 0, double.NaN, 0)
            : new FitReport(RunStatus.Ok, 1, 0.5, train.Rows);
    }

    public float[] Predict(Dataset data)
    {
        var result = new float[data.Targets.Length];
        for (int r = 0; r < data.Rows; r++)
        {
            if (_memory.TryGetValue(data.Key(r), out var seen)) seen.CopyTo(result, r * data.OutputWidth);
            else
                for (int o = 0; o < data.OutputWidth; o++)
                    result[r * data.OutputWidth + o] = ((r * 31 + o * 7 + request.Size + _seed) % 3 == 0) ? 1 : 0;
        }
        return result;
    }

    public void Dispose() { }
}
