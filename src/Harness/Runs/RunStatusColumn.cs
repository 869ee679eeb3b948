using CsvHelper;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Runs;

/// <summary>The status column: <see cref="RunStatus"/> spelled as <see cref="RunStatusNames"/> spells it (<c>ok</c>, <c>timeout</c>, …).</summary>
public sealed class RunStatusColumn : ICsvConverter<RunStatus>
{
    public RunStatus Read(CsvReader reader, int index) => RunStatusNames.Parse(reader.GetString(index));

    public void Write(CsvWriter writer, RunStatus value) => writer.WriteField(value.Name());
}
