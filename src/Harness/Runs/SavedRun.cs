using LogicNets.Tasks;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Runs;

/// <summary>
/// A trained run read back from its folder: the row of run.csv, the spec it was made from, and the learner rebuilt
/// from that spec with its saved model loaded — a circuit learner from its circuit, a torch learner from model.dat.
/// </summary>
public sealed class SavedRun : IDisposable
{
    private SavedRun(RunRecord record, RunSpec spec, ILearner learner)
    {
        Record = record;
        Spec = spec;
        Learner = learner;
    }

    public RunRecord Record { get; }

    public RunSpec Spec { get; }

    public ILearner Learner { get; }

    public static SavedRun Load(string directory, ModelCatalog catalog)
    {
        if (!Directory.Exists(directory)) throw new UserInputException($"run folder '{directory}' does not exist");
        string csv = Path.Combine(directory, RunFolder.RunFile);
        if (!File.Exists(csv)) throw new UserInputException($"'{directory}' has no {RunFolder.RunFile}: not a run folder written by 'logicnets train'");
        var rows = RunCsv.Read(csv);
        if (rows.Count != 1) throw new UserInputException($"'{csv}' holds {rows.Count} rows; a run folder holds one");
        var record = rows[0];
        if (!record.IsScored) throw new UserInputException($"the run in '{directory}' ended with status {record.Status.Name()}: it saved no model");
        var spec = RunSpec.FromRecord(record);
        var descriptor = catalog.Get(spec.Model);
        LogicNets.Continuous.Torch.TorchRuntime.UseThreads(spec.Settings.Threads ?? ModelSettings.DefaultThreads);
        var learner = descriptor.Create(new LearnerRequest(LearnerShape.Of(spec.Task), spec.Size, spec.Settings));
        try
        {
            if (learner is not ISavableLearner savable) throw new UserInputException($"{spec.Model} does not save its model, so it cannot be reloaded");
            savable.Load(directory, spec.Encoding);
            return new SavedRun(record, spec, learner);
        }
        catch
        {
            learner.Dispose();
            throw;
        }
    }

    public void Dispose() => Learner.Dispose();
}
