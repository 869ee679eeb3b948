using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Digital.Learners;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Digital.LogicTrees;

/// <summary>
/// <c>logic-tree</c>: one logic tree per output bit, grown without gradients; it reproduces every (consistently
/// labelled) training row and answers unseen rows through its multiplexer/parity circuit.
/// </summary>
public sealed class LogicTreeLearner : ILearner, ISavableLearner, ICircuitLearner
{
    public static readonly ModelDescriptor Descriptor = new(
        "logic-tree", "one binary decision tree per output bit with parity leaves (logic learning, no gradients) → hard circuit",
        "maximum tree depth (a size of at least the input width means no cap)",
        request => new LogicTreeLearner(request)) { Kinds = [TargetKind.Bits] };

    private readonly LearnerRequest _request;
    private CompiledCircuit? _compiled;

    public LogicTreeLearner(LearnerRequest request)
    {
        RelaxedTraining.RequireBits(request, Model);
        if (request.Shape.InputWidth > BitTask.MaxInputWidth)
            throw new ArgumentException($"{Model} supports at most {BitTask.MaxInputWidth} input bits, the task has {request.Shape.InputWidth}");
        if (request.Size < 1) throw new ArgumentException($"{Model}: size (maximum depth) must be >= 1, got {request.Size}");
        _request = request;
    }

    public string Model => "logic-tree";

    /// <summary>Tree nodes after a fit (the learned structure; before: 0).</summary>
    public long ParameterCount => Trees.Sum(t => (long)t.Count);

    public long? GateCount => Circuit?.LogicGateCount;

    public IReadOnlyList<LogicTreeNode> Trees { get; private set; } = [];

    public HardCircuit? Circuit { get; private set; }

    public FitReport Fit(Dataset train, FitOptions options, IProgress<FitProgress>? progress = null, CancellationToken cancellation = default)
    {
        _request.Shape.Require(train, Model);
        var keys = Enumerable.Range(0, train.Rows).Select(train.Key).ToArray();
        var trees = new List<LogicTreeNode>();
        for (int o = 0; o < train.OutputWidth; o++)
        {
            if (cancellation.IsCancellationRequested) return new FitReport(RunStatus.Cancelled, 0, double.NaN, 0);
            var outputs = Enumerable.Range(0, train.Rows).Select(r => train.TargetRow(r)[o] > 0.5f).ToArray();
            trees.Add(LogicTreeBuilder.Build(keys, outputs, train.InputWidth, _request.Size));
            progress?.Report(new FitProgress(o + 1, train.OutputWidth, double.NaN));
        }
        Trees = trees;
        Circuit = LogicTreeCircuit.Build(trees, train.InputWidth);
        _compiled = new CompiledCircuit(Circuit);
        return new FitReport(RunStatus.Ok, 1, double.NaN, train.Rows);
    }

    public float[] Predict(Dataset data)
    {
        if (_compiled is null) throw new InvalidOperationException($"{Model}: Predict called before Fit");
        _request.Shape.Require(data, Model, outputsToo: false);
        return _compiled.Predict(data);
    }

    public string Save(string directory) => CircuitJson.SaveToRun(Circuit, directory, Model);

    public void Dispose() { }
}
