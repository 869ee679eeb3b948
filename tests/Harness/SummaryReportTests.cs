using LogicNets.Harness.Reports;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Harness;

public class SummaryReportTests
{
    private static RunRecord Run(string task, double fraction, int trainRows, int testRows) => new()
    {
        Task = task, Model = "mlp", Size = 8, Seed = 1, TrainFraction = fraction, Status = RunStatus.Ok,
        TestBitAccuracy = 0.75, TestExact = 0.5, BaselineAccuracy = 0.5, Gain = 0.25, TrainRows = trainRows, TestRows = testRows,
    };

    [Fact]
    public void EachSectionStatesItsRowsAndFlagsFractionsThatGaveTheSameRows()
    {
        string summary = SummaryReport.Render("t", [
            Run("add:12", 0.5, 65536, 16384), Run("add:12", 0.1, 65536, 16384),
            Run("add:4", 0.5, 128, 128), Run("add:4", 0.1, 26, 230),
        ]);
        var sections = summary.Split("## ").Skip(1).ToDictionary(s => s[..s.IndexOf('\n')].Trim());

        Assert.Contains("Each run: 65,536 training rows, 16,384 test rows.", sections["add:12 (train fraction 0.5, noise 0)"]);
        Assert.Contains("same row counts as at train fraction 0.1", sections["add:12 (train fraction 0.5, noise 0)"]);
        Assert.Contains("same row counts as at train fraction 0.5", sections["add:12 (train fraction 0.1, noise 0)"]);
        Assert.Contains("Each run: 26 training rows, 230 test rows.", sections["add:4 (train fraction 0.1, noise 0)"]);
        Assert.DoesNotContain("same row counts", sections["add:4 (train fraction 0.1, noise 0)"]);
    }
}
