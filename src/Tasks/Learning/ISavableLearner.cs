namespace LogicNets.Tasks.Learning;

/// <summary>A learner that can write its trained model to a run folder (model.dat, circuit.json, …).</summary>
public interface ISavableLearner
{
    /// <summary>Writes the model into <paramref name="directory"/> and returns the file's path.</summary>
    string Save(string directory);
}
