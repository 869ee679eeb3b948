using LogicNets.Tasks.Data;

namespace LogicNets.Tasks.Learning;

/// <summary>A learner that can write its trained model to a run folder (model.dat, circuit.json, …) and read it back.</summary>
public interface ISavableLearner
{
    /// <summary>Writes the model into <paramref name="directory"/> and returns the file's path.</summary>
    string Save(string directory);

    /// <summary>
    /// Reads the model <see cref="Save"/> wrote in <paramref name="directory"/> into this learner, which was built
    /// from the same request (task shape, size, settings); afterwards it predicts as it did when saved.
    /// <paramref name="encoding"/> is the input encoding the run trained with.
    /// </summary>
    void Load(string directory, InputEncoding encoding);
}
