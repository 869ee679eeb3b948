using System.ComponentModel;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Learners;
using LogicNets.Tasks;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Learning;

namespace LogicNets.Digital.Distillation;

/// <summary>Settings of <c>distill:TEACHER&gt;STUDENT</c> (<c>--set key=value</c>).</summary>
public sealed record OracleDistillationOptions
{
    [Description("the teacher's size knob (the run's --size is the student's)")]
    public int TeacherSize { get; init; } = 64;

    [Description("rows the teacher labels for the student: the whole truth table when it has at most this many, else the training rows and random inputs up to this many")]
    public int Rows { get; init; } = 1 << 18;
}

/// <summary>
/// <c>distill:TEACHER&gt;STUDENT</c>: any learner (the teacher) is trained on the rows, then queried as an oracle on
/// many more inputs — the whole table when it is small enough — and a circuit learner (the student) trains on its
/// answers. A teacher that has found a rule from few rows (an mlp on a sparse parity) hands it on as a hard circuit;
/// a teacher that is smooth where the rows are noisy gives the student cleaner labels than the rows themselves.
/// The student takes the run's size and common settings; the teacher its own size (<c>teacher-size</c>) and defaults.
/// </summary>
public sealed class OracleDistillationLearner : TeacherCircuitLearner
{
    public const string Prefix = "distill:";

    private readonly ModelDescriptor _teacherModel;
    private readonly ModelDescriptor _studentModel;
    private readonly OracleDistillationOptions _options;
    private long? _parameters;

    public OracleDistillationLearner(LearnerRequest request, ModelDescriptor teacher, ModelDescriptor student)
        : base(NameOf(teacher, student), request, $"the student's size: {student.SizeKnob}")
    {
        _teacherModel = teacher;
        _studentModel = student;
        _options = LearnerOptionRecord.Bind<OracleDistillationOptions>(request.Settings.Options, Model);
        if (_options.TeacherSize < 1) throw new UserInputException($"{Model}: teacher-size must be >= 1, got {_options.TeacherSize}");
        if (_options.Rows < 1) throw new UserInputException($"{Model}: rows must be >= 1, got {_options.Rows}");
    }

    public static string NameOf(ModelDescriptor teacher, ModelDescriptor student) => $"{Prefix}{teacher.Name}>{student.Name}";

    /// <summary>The family in the model catalog: <c>distill:TEACHER&gt;STUDENT</c> for any bit learner and any circuit learner.</summary>
    public static ModelForm Form { get; } = new(Prefix, "distill:TEACHER>STUDENT",
        "TEACHER (any learner of bit tasks) trains on the rows and labels many more inputs (the whole table up to 2^18 rows) for STUDENT (a circuit learner), e.g. distill:mlp>logic-tree",
        Resolve);

    private static ModelDescriptor Resolve(string rest, ModelCatalog catalog)
    {
        if (rest.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            throw new UserInputException($"model '{Prefix}{rest}': a distilled learner cannot be a teacher; distil from its own teacher directly");
        string[] parts = rest.Split('>', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts.Any(string.IsNullOrEmpty))
            throw new UserInputException($"model '{Prefix}{rest}': expected {Prefix}TEACHER>STUDENT, e.g. {Prefix}mlp>logic-tree");
        var teacher = catalog.Get(parts[0]);
        var student = catalog.Get(parts[1]);
        if (!teacher.Has(LearnerTraits.BitTargets))
            throw new UserInputException($"model '{Prefix}{rest}': the teacher must learn bit tasks; {teacher.Name} does not (such learners: {catalog.NamesWith(LearnerTraits.BitTargets)})");
        if (!student.Has(LearnerTraits.Circuit))
            throw new UserInputException($"model '{Prefix}{rest}': the student must end as a circuit; {student.Name} does not (circuit learners: {catalog.NamesWith(LearnerTraits.Circuit)})");
        int? maxWidth = new[] { teacher.MaxInputWidth, student.MaxInputWidth }.Where(w => w is not null).Min();
        return new ModelDescriptor(NameOf(teacher, student),
            $"{teacher.Name} trained on the rows, queried on many more inputs; {student.Name} trained on its answers (the run's settings are the student's; the teacher takes its defaults)",
            $"the student's: {student.SizeKnob} (set the teacher's with --set teacher-size=N)",
            LearnerTraits.BitTargets | LearnerTraits.Circuit | (student.Traits & LearnerTraits.GroupSumHead),
            request => new OracleDistillationLearner(request, teacher, student))
        { OptionsType = typeof(OracleDistillationOptions), MaxInputWidth = maxWidth };
    }

    /// <summary>The teacher's and the student's trainable parameters together: both were learned.</summary>
    public override long? ParameterCount => _parameters;

    protected override (FitReport, HardCircuit?) Train(Dataset train, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation)
    {
        options = options.WithBudgetClock();
        Teacher = _teacherModel.Create(new LearnerRequest(Request.Shape, _options.TeacherSize,
            new ModelSettings { Device = Request.Settings.Device, Threads = Request.Settings.Threads }));
        var taught = Teacher.Fit(train, options, progress, cancellation);
        _parameters = Teacher.ParameterCount;
        string teacherText = $"teacher {_teacherModel.Name} {_options.TeacherSize}: {taught.EpochsRun} epochs";
        if (taught.Status is not (RunStatus.Ok or RunStatus.Budget))
            return (taught with { Message = $"{teacherText}, {taught.Status.Name()}: {taught.Message}" }, null);

        var queries = OracleRows.For(train, _options.Rows, options.Seed, out bool wholeTable);
        var labelled = queries.WithTargets(Teacher.Predict(queries));
        // The student's own options are its defaults: --set names the distillation's options.
        using var student = _studentModel.Create(Request with { Settings = Request.Settings with { Options = "" } });
        var learned = student.Fit(labelled, options with { Epochs = null, Restarts = null }, progress, cancellation);
        _parameters += student.ParameterCount;
        string rows = wholeTable ? $"the whole table ({queries.Rows} rows)" : $"{queries.Rows} rows (the training rows and random inputs)";
        string message = $"{teacherText}; {_studentModel.Name} trained on its answers on {rows}" +
                         (learned.Message is { Length: > 0 } m ? $"; student: {m}" : "") +
                         (taught.Message is { Length: > 0 } t ? $"; teacher: {t}" : "");
        var status = taught.Status == RunStatus.Budget && learned.Status == RunStatus.Ok ? RunStatus.Budget : learned.Status;
        var report = new FitReport(status, taught.EpochsRun, learned.FinalLoss, taught.SamplesSeen + learned.SamplesSeen, message);
        var circuit = student is CircuitLearner circuitLearner
            ? circuitLearner.Circuit
            : throw new InvalidOperationException($"{_studentModel.Name} is registered as a circuit learner but is no {nameof(CircuitLearner)}");
        return (report, circuit);
    }
}
