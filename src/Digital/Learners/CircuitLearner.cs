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

    /// <summary>
    /// Trains, with restarts when <see cref="FitOptions.Restarts"/> asks for them: each further start draws a fresh
    /// initialisation (a seed derived from the run's), until a circuit fits the training rows, the starts or the time
    /// budget run out, or a start ends other than ok; the start whose circuit scores best on the training rows is kept.
    /// </summary>
    public FitReport Fit(Dataset train, FitOptions options, IProgress<FitProgress>? progress = null, CancellationToken cancellation = default)
    {
        Request.Shape.Require(train, Model);
        Circuit = null;
        _compiled = null;
        Discard(Snapshot());
        int restarts = (options.Restarts ?? DefaultRestarts(options)) switch
        {
            null or 0 => 0,
            FitOptions.AutoRestarts => options.TimeBudget is null ? FitOptions.AutoRestartCap : int.MaxValue,
            < 0 => throw new UserInputException($"{Model}: restarts must be >= 0 or auto, got {options.Restarts}"),
            { } n => n,
        };
        options = options.WithBudgetClock();
        var score = restarts > 0 ? new PackedRowsScore(train) : null;
        (FitReport Report, HardCircuit? Circuit, double Score, object? State)? best = null;
        int starts = 0, givenUp = 0;
        while (true)
        {
            // Restarts, within a start, says how many further starts remain: a learner that can tell early that a start
            // is failing (gates-serial's curriculum) gives it up only when another start will follow.
            int left = restarts == int.MaxValue ? int.MaxValue : restarts - starts;
            var startOptions = (starts == 0 ? options : options with { Seed = SeedStream.Derive(options.Seed, $"start {starts + 1}") }) with { Restarts = left };
            var (report, circuit) = Train(train, startOptions, progress, cancellation);
            starts++;
            if (report.GivenUp) givenUp++;
            double fit = circuit is null || score is null ? double.NegativeInfinity : score.Of(circuit);
            if (best is null || fit > best.Value.Score)
            {
                if (best is { } previous) Discard(previous.State);
                best = (report, circuit, fit, Snapshot());
            }
            else Discard(Snapshot());
            bool more = starts <= restarts && fit < 1.0 && report.Status == RunStatus.Ok && !(options.BudgetLeft <= TimeSpan.Zero)
                        && !cancellation.IsCancellationRequested;
            if (!more) break;
        }
        var (kept, keptCircuit, keptScore, state) = best!.Value;
        Restore(state);
        if (keptCircuit is not null)
        {
            Circuit = keptCircuit;
            _compiled = new CompiledCircuit(keptCircuit);
        }
        if (restarts == 0) return kept;
        string startsText = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{starts} start(s){(givenUp > 0 ? $", {givenUp} given up early" : "")}; kept the one that fits {keptScore:0.####} of the training bits");
        return kept with { Starts = starts, Message = kept.Message is { Length: > 0 } m ? $"{startsText}; {m}" : startsText };
    }

    /// <summary>Restarts when the user gives none (<see cref="FitOptions.Restarts"/>); null: one start.</summary>
    protected virtual int? DefaultRestarts(FitOptions options) => null;

    /// <summary>State beside the circuit that a restart must keep from the best start (a cell, a teacher); null for none.</summary>
    protected virtual object? Snapshot() => null;

    /// <summary>Puts back the state <see cref="Snapshot"/> took of the kept start.</summary>
    protected virtual void Restore(object? state) { }

    /// <summary>Frees the state of a start that is not kept (or of the previous fit).</summary>
    protected virtual void Discard(object? state) { }

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
