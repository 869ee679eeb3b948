using LogicNets.Digital.Circuits;
using LogicNets.Digital.Learners;
using LogicNets.Tasks;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Digital.Distillation;

/// <summary>
/// <c>distill-bdd</c>: a teacher learner (an mlp) is trained on the rows, then asked about every input of the table,
/// and its answers become a circuit through a reduced ordered BDD — the teacher's rule as an exact hard circuit.
/// For at most <see cref="MaxInputs"/> inputs, where the whole table can be read out.
/// </summary>
public sealed class DistilledCircuitLearner : TeacherCircuitLearner
{
    public const int MaxInputs = 20;

    /// <summary>Random variable orders tried besides the input order and its reverse; the smallest diagram is kept.</summary>
    public const int VariableOrders = 16;

    private readonly Func<LearnerRequest, ILearner> _teacherModel;
    private long? _teacherParameters;

    public DistilledCircuitLearner(LearnerRequest request, Func<LearnerRequest, ILearner> teacher) : base(Name, request, "the teacher's size")
    {
        if (request.Shape.InputWidth > MaxInputs)
            throw new UserInputException($"{Name} reads the teacher out on every input: at most {MaxInputs} inputs, the task has {request.Shape.InputWidth}");
        _teacherModel = teacher;
    }

    public const string Name = "distill-bdd";

    /// <summary>The descriptor, given how to build the teacher (the registry passes the mlp's factory).</summary>
    public static ModelDescriptor Descriptor(Func<LearnerRequest, ILearner> teacher) => new(
        Name, $"an mlp trained on the rows, read out on every input and turned into a circuit through a reduced ordered BDD (at most {MaxInputs} inputs)",
        "the mlp teacher's hidden units (--depth sets its layers)",
        LearnerTraits.BitTargets | LearnerTraits.Circuit, request => new DistilledCircuitLearner(request, teacher)) { MaxInputWidth = MaxInputs };

    /// <summary>The teacher's trainable parameters: what was learned; the circuit is its read-out.</summary>
    public override long? ParameterCount => _teacherParameters;

    /// <summary>BDD nodes per output of the last fit.</summary>
    public IReadOnlyList<int> NodeCounts { get; private set; } = [];

    protected override (FitReport, HardCircuit?) Train(Dataset train, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation)
    {
        var teacher = Teacher = _teacherModel(Request);
        var report = teacher.Fit(train, options, progress, cancellation);
        _teacherParameters = teacher.ParameterCount;
        if (report.Status is not (RunStatus.Ok or RunStatus.Budget)) return (report, null);
        int n = train.InputWidth, rows = 1 << n;
        var answers = teacher.Predict(Dataset.WholeTable(n, train.OutputWidth));
        var gates = new List<Gate>();
        var outputs = new int[train.OutputWidth];
        var counts = new int[train.OutputWidth];
        for (int o = 0; o < train.OutputWidth; o++)
        {
            var table = new bool[rows];
            for (int r = 0; r < rows; r++) table[r] = answers[(long)r * train.OutputWidth + o] > 0.5f;
            var diagram = TableBdd.Smallest(table, n, VariableOrders, options.Seed);
            counts[o] = diagram.NodeCount;
            outputs[o] = TableBdd.Emit(diagram, gates, n);
        }
        NodeCounts = counts;
        return (report, CircuitSimplifier.Simplify(new HardCircuit(n, gates, outputs)));
    }
}
