using LogicNets.Tasks;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Digital.Learners;

/// <summary>
/// The base of every learner whose trained model is a hard circuit: it owns the checks (bit tasks only, size ≥ 1,
/// the data's shape), the circuit and its compiled form, the gate count, prediction — always through the
/// circuit, never the relaxed network — saving (<c>circuit.json</c>) and disposal. A subclass only trains and returns
/// the circuit (see <see cref="Train"/>).
/// </summary>
public abstract class CircuitLearner : ILearner, ISavableLearner
{
    private CompiledCircuit? _compiled;

    /// <param name="sizeMeaning">What the size knob counts, for the error when it is below 1.</param>
    protected CircuitLearner(string model, LearnerRequest request, string sizeMeaning)
    {
        Model = model;
        if (request.Shape.Kind != TargetKind.Bits)
            throw new UserInputException($"{model} learns bit tasks; this task has real-valued targets");
        if (request.Size < 1) throw new UserInputException($"{model}: size ({sizeMeaning}) must be >= 1, got {request.Size}");
        Request = request;
    }

    public string Model { get; }

    protected LearnerRequest Request { get; }

    /// <inheritdoc/>
    public abstract long? ParameterCount { get; }

    public long? GateCount => Circuit?.LogicGateCount;

    /// <summary>The simplified hard circuit for the trained task's width; null before a fit that produced one.</summary>
    public HardCircuit? Circuit { get; private set; }

    public FitReport Fit(Dataset train, FitOptions options, IProgress<FitProgress>? progress = null, CancellationToken cancellation = default)
    {
        Request.Shape.Require(train, Model);
        Circuit = null;
        _compiled = null;
        var (report, circuit) = Train(train, options, progress, cancellation);
        if (circuit is not null)
        {
            Circuit = circuit;
            _compiled = new CompiledCircuit(circuit);
        }
        return report;
    }

    /// <summary>
    /// Trains on <paramref name="train"/> (shape already checked) and returns the simplified circuit the learner ends
    /// with, or null when the fit did not get that far (divergence, cancellation).
    /// </summary>
    protected abstract (FitReport Report, HardCircuit? Circuit) Train(Dataset train, FitOptions options, IProgress<FitProgress>? progress,
        CancellationToken cancellation);

    public float[] Predict(Dataset data) =>
        (CircuitFor(data) ?? throw new InvalidOperationException($"{Model}: Predict called before a successful Fit")).Predict(data);

    /// <summary>The compiled circuit that answers <paramref name="data"/>: the trained one, for data of the trained shape.</summary>
    protected virtual CompiledCircuit? CircuitFor(Dataset data)
    {
        if (_compiled is null) return null;
        Request.Shape.Require(data, Model);
        return _compiled;
    }

    /// <summary>Writes the circuit as <see cref="CircuitJson.FileName"/> in <paramref name="directory"/> and returns its path.</summary>
    public virtual string Save(string directory)
    {
        if (Circuit is null) throw new InvalidOperationException($"{Model}: no circuit to save before a successful fit");
        string path = Path.Combine(directory, CircuitJson.FileName);
        CircuitJson.Save(Circuit, path);
        return path;
    }

    /// <summary>Reads <see cref="CircuitJson.FileName"/> back; a subclass with more state reads its own files too.</summary>
    public virtual void Load(string directory, InputEncoding encoding)
    {
        string path = Path.Combine(directory, CircuitJson.FileName);
        if (!File.Exists(path)) throw new UserInputException($"'{directory}' has no {CircuitJson.FileName}: the run saved no {Model} circuit (only scored runs do)");
        var circuit = CircuitJson.Load(path);
        if (circuit.InputCount != Request.Shape.InputWidth || circuit.Outputs.Count != Request.Shape.OutputWidth)
            throw new UserInputException($"'{path}' has {circuit.InputCount} inputs → {circuit.Outputs.Count} outputs; the run's task has {Request.Shape.InputWidth} → {Request.Shape.OutputWidth}");
        Circuit = circuit;
        _compiled = new CompiledCircuit(circuit);
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
