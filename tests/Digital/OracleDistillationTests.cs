using LogicNets.Digital.Distillation;
using LogicNets.Harness.Registry;
using LogicNets.Harness.Runs;
using LogicNets.Tasks;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Digital;

/// <summary><c>distill:TEACHER&gt;STUDENT</c>: names, the rows the teacher is asked about, and a rule handed on as a circuit.</summary>
public class OracleDistillationTests
{
    [Fact]
    public void TheCatalogResolvesDistilledNamesAndRefusesWhatCannotBeDistilled()
    {
        var catalog = BuiltInModels.Catalog;
        var model = catalog.Get(" Distill:MLP > Logic-Tree ");
        Assert.Equal("distill:mlp>logic-tree", model.Name);
        Assert.True(model.Has(LearnerTraits.Circuit | LearnerTraits.BitTargets));
        Assert.False(model.Has(LearnerTraits.GroupSumHead));
        Assert.True(catalog.Get("distill:mlp>gates-wired").Has(LearnerTraits.GroupSumHead));
        Assert.Equal(20, catalog.Get("distill:mlp>distill-bdd").MaxInputWidth);
        Assert.Contains("distill:TEACHER>STUDENT", catalog.Names);

        Assert.Contains("expected distill:TEACHER>STUDENT", Assert.Throws<UserInputException>(() => catalog.Get("distill:mlp")).Message);
        Assert.Contains("the student must end as a circuit", Assert.Throws<UserInputException>(() => catalog.Get("distill:mlp>spl")).Message);
        Assert.Contains("cannot be a teacher", Assert.Throws<UserInputException>(() => catalog.Get("distill:distill:mlp>logic-tree>logic-chain")).Message);
        Assert.Contains("unknown model 'nope'", Assert.Throws<UserInputException>(() => catalog.Get("distill:nope>logic-tree")).Message);
        Assert.Contains("rows", Assert.Throws<UserInputException>(() => model.CanonicalOptions([new("width", "3")])).Message);
    }

    [Fact]
    public void TheTeacherIsAskedAboutTheWholeTableWhenItFitsElseTheTrainingRowsAndRandomInputs()
    {
        var train = new Dataset(2, 3, 1, [1, 0, 1, 0, 1, 1], [1, 0], TargetKind.Bits);
        var whole = OracleRows.For(train, limit: 8, seed: 1, out bool wholeTable);
        Assert.True(wholeTable);
        Assert.Equal(8, whole.Rows);
        Assert.Equal(Enumerable.Range(0, 8).Select(r => (UInt128)r), Enumerable.Range(0, 8).Select(whole.Key));

        var drawn = OracleRows.For(train, limit: 7, seed: 1, out wholeTable);
        Assert.False(wholeTable);
        Assert.Equal(7, drawn.Rows);
        Assert.Equal(train.Inputs, drawn.Inputs[..6]);
        Assert.Equal(drawn.Inputs, OracleRows.For(train, limit: 7, seed: 1, out _).Inputs); // seeded
    }

    [Fact]
    public void AnMlpThatFoundASparseParityHandsItOnAsAMinimalCircuitAndTheRowRecordsBothScores()
    {
        // parity:12:3 from a quarter of the table: the mlp finds the rule; logic-tree alone does not (0.66 on the test
        // rows: no single bit says anything about a parity of three), but on the teacher's answers for all 4 096 inputs
        // its parity leaves fit the rule with two XORs.
        var spec = new RunSpec { Task = TaskName.Parse("parity:12:3"), Model = "distill:mlp>logic-tree", Size = 16, Seed = 1, TrainFraction = 0.25 };
        var outcome = new RunExecutor(BuiltInModels.Catalog).Execute(spec);
        using var learner = outcome.Learner;
        var record = outcome.Record;
        Assert.Equal(RunStatus.Ok, record.Status);
        Assert.Equal(1.0, record.TeacherTestBitAccuracy);
        Assert.Equal(1.0, record.TestExact);
        Assert.Equal("exhaustive", record.Verified);
        Assert.InRange(record.Gates!.Value, 2, 6); // three inputs' parity: two XORs, at most 2·k gates
        Assert.Contains("the whole table (4096 rows)", record.Message);
    }
}
