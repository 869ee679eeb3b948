using LogicNets.Digital.Circuits;
using LogicNets.Digital.Learners;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Learning;

namespace LogicNets.Digital.LogicTrees;

/// <summary>
/// <c>logic-tree</c>: one logic tree per output bit, grown without gradients; it reproduces every (consistently
/// labelled) training row and answers unseen rows through its multiplexer/parity circuit.
/// </summary>
public sealed class LogicTreeLearner : CircuitLearner
{
    public static readonly ModelDescriptor Descriptor = new(
        "logic-tree", "one binary decision tree per output bit with parity leaves (logic learning, no gradients) → hard circuit",
        "maximum tree depth (a size of at least the input width means no cap)",
        LearnerTraits.BitTargets | LearnerTraits.Circuit, request => new LogicTreeLearner(request));

    public LogicTreeLearner(LearnerRequest request) : base(Descriptor.Name, request, "maximum depth") { }

    /// <summary>Tree nodes of the grown trees (the learned structure); null before a fit.</summary>
    public override long? ParameterCount => Trees.Count == 0 ? null : Trees.Sum(t => (long)t.Count);

    public IReadOnlyList<LogicTreeNode> Trees { get; private set; } = [];

    protected override (FitReport, HardCircuit?) Train(Dataset train, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation)
    {
        var rows = BitRows.From(train);
        var trees = new List<LogicTreeNode>();
        for (int o = 0; o < train.OutputWidth; o++)
        {
            if (cancellation.IsCancellationRequested) return (new FitReport(RunStatus.Cancelled, 0, double.NaN, 0), null);
            var outputs = Enumerable.Range(0, train.Rows).Select(r => train.TargetRow(r)[o] > 0.5f).ToArray();
            trees.Add(LogicTreeBuilder.Build(rows, outputs, Request.Size));
            progress?.Report(new FitProgress(o + 1, train.OutputWidth, double.NaN));
        }
        Trees = trees;
        return (new FitReport(RunStatus.Ok, 1, double.NaN, train.Rows), LogicTreeCircuit.Build(trees, train.InputWidth));
    }
}
