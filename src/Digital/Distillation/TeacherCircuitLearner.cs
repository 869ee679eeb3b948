using LogicNets.Digital.Learners;
using LogicNets.Tasks.Learning;

namespace LogicNets.Digital.Distillation;

/// <summary>
/// A circuit learner whose circuit is read out of a teacher it trains: it keeps the teacher alive after the fit, so
/// the harness scores it beside the circuit, and a restart keeps the kept start's teacher.
/// </summary>
public abstract class TeacherCircuitLearner(string model, LearnerRequest request, string sizeMeaning)
    : CircuitLearner(model, request, sizeMeaning), IDistilledLearner
{
    /// <inheritdoc/>
    public ILearner? Teacher { get; protected set; }

    protected override object? Snapshot() => Teacher;

    protected override void Restore(object? state) => Teacher = (ILearner?)state;

    protected override void Discard(object? state) => (state as ILearner)?.Dispose();

    public override void Dispose()
    {
        Teacher?.Dispose();
        Teacher = null;
        base.Dispose();
    }
}
