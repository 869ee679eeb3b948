using System.IO.Compression;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Metrics;
using LogicNets.Tasks.Tables;

namespace LogicNets.Tests.Tasks;

public class TableFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("logicnets-tables-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void PlaRowsExpandInputDontCaresAndKeepOutputDontCaresUnscored()
    {
        var table = PlaFormat.Read(File("t.pla", "# a comment\n.i 3\n.o 2\n.ilb a b c\n.ob s t\n.p 3\n.type fr\n0-1 1-\n110 01\n000 --\n.e\n"));
        Assert.Equal(["a", "b", "c"], table.InputNames);
        Assert.Equal(["s", "t"], table.OutputNames);
        Assert.Equal(3, table.Rows); // 0-1 → 001, 011; the all-don't-care row is dropped
        Assert.Equal(new byte[] { 0, 0, 1, 0, 1, 1, 1, 1, 0 }, table.Inputs);
        Assert.Equal(new byte[] { 1, 0, 1, 0, 0, 1 }, table.Outputs);
        Assert.Equal(new[] { true, false, true, false, true, true }, table.Care);

        var data = table.ToDataset();
        // A prediction wrong only on don't-care bits is exact.
        var predictions = new float[] { 1, 1, 1, 1, 0, 1 };
        Assert.Equal(new BitScore(1, 1), BitScore.Of(predictions, data));
    }

    [Theory]
    [InlineData(".i 3\n.o 1\n.p 2\n011 1\n0x1 0\n.e\n", 5, "input character 'x' at column 2")]
    [InlineData(".i 3\n.o 1\n.p 3\n011 1\n001 0\n.e\n", 3, ".p says 3 rows, the file has 2")]
    [InlineData(".i 3\n.o 1\n0111 1\n", 3, "row has 4 input and 1 output characters")]
    [InlineData(".i 3\n.o 1\n011 5\n", 3, "output character '5' at column 4")]
    [InlineData("011 1\n", 1, "a row before .i and .o")]
    [InlineData(".i 3\n.o 1\n.kiss\n", 3, "unsupported directive '.kiss'")]
    [InlineData(".i 3\n.o 1\n.p 0\n.e\n", 0, "the table is empty")]
    public void MalformedPlaNamesTheLineAndTheProblem(string text, int line, string problem)
    {
        string path = File("bad.pla", text);
        var e = Assert.Throws<TableFileException>(() => PlaFormat.Read(path));
        Assert.StartsWith(line > 0 ? $"{path}:{line}: " : $"{path}: ", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void GzippedPlaReadsLikeThePlainFile()
    {
        string text = ".i 2\n.o 1\n00 0\n01 1\n10 1\n11 0\n.e\n";
        string plain = File("x.pla", text);
        string zipped = Path.Combine(_dir, "x.pla.gz");
        using (var gz = new GZipStream(System.IO.File.Create(zipped), CompressionLevel.Fastest)) gz.Write(System.Text.Encoding.ASCII.GetBytes(text));
        Assert.Equal(PlaFormat.Read(plain).Fingerprint(), PlaFormat.Read(zipped).Fingerprint());
    }

    [Fact]
    public void CsvChoosesColumnsByNameAndDefaultsToTheLastAsOutput()
    {
        string path = File("t.csv", "a,b,c,y\n0,1,1,1\n1,1,0,-\n0,0,0,0\n");
        var byDefault = CsvTableFormat.Read(path);
        Assert.Equal(["a", "b", "c"], byDefault.InputNames);
        Assert.Equal(2, byDefault.Rows); // the row whose only output is '-' says nothing
        Assert.Null(byDefault.Care);
        var both = CsvTableFormat.Read(path, ["a", "c"], ["b", "y"]);
        Assert.Equal(new[] { true, true, true, false, true, true }, both.Care);
        var chosen = CsvTableFormat.Read(path, ["c", "a"], ["b"]);
        Assert.Equal(["c", "a"], chosen.InputNames);
        Assert.Equal(new byte[] { 1, 0, 0, 1, 0, 0 }, chosen.Inputs);
        Assert.Equal(new byte[] { 1, 1, 0 }, chosen.Outputs);
    }

    [Theory]
    [InlineData("a,b,y\n0,1,1\n0,2,1\n", 3, "column 'b' holds '2'")]
    [InlineData("a,b,y\n0,1\n", 2, "row has 2 fields")]
    [InlineData("a,b,y\n", 0, "the table is empty")]
    public void MalformedCsvNamesTheLine(string text, int line, string problem)
    {
        string path = File("bad.csv", text);
        var e = Assert.Throws<TableFileException>(() => CsvTableFormat.Read(path));
        Assert.StartsWith(line > 0 ? $"{path}:{line}: " : $"{path}: ", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void UnknownCsvColumnIsNamed()
    {
        string path = File("t.csv", "a,b,y\n0,1,1\n");
        var e = Assert.Throws<TableFileException>(() => CsvTableFormat.Read(path, ["a", "q"]));
        Assert.Contains("'q'", e.Message);
        Assert.Contains("columns: a, b, y", e.Message);
    }

    [Fact]
    public void FileTaskNameRoundTripsAndSplitsReproducibly()
    {
        string rows = string.Concat(Enumerable.Range(0, 64).Select(r => $"{Convert.ToString(r, 2).PadLeft(6, '0')} {(System.Numerics.BitOperations.PopCount((uint)r) & 1)}\n"));
        string path = File("parity6.pla", $".i 6\n.o 1\n{rows}.e\n");
        var task = Assert.IsType<FileTask>(TaskName.Parse($"pla:{path}"));
        Assert.Equal(task.Name, TaskName.Parse(task.Name).Name);
        Assert.Equal(6, task.InputWidth);
        Assert.False(task.HasOwnSplit);
        var a = TaskDataFactory.Create(task, new SplitOptions { Seed = 3, TrainFraction = 0.25 });
        var b = TaskDataFactory.Create(task, new SplitOptions { Seed = 3, TrainFraction = 0.25 });
        Assert.Equal(16, a.Train.Rows);
        Assert.Equal(48, a.Test.Rows);
        Assert.Equal(a.Train.Inputs, b.Train.Inputs);
        Assert.Equal(SplitMode.File, a.Mode);

        var withTest = Assert.IsType<FileTask>(TaskName.Parse($"pla:{path};test={path}"));
        Assert.True(withTest.HasOwnSplit);
        var own = TaskDataFactory.Create(withTest, new SplitOptions { Seed = 3, TrainFraction = 0.25 });
        Assert.Equal((64, 64), (own.Train.Rows, own.Test.Rows));
        Assert.Equal(PlaFormat.Read(path).Fingerprint() + "+" + PlaFormat.Read(path).Fingerprint(), withTest.Fingerprint);
    }

    [Fact]
    public void WideRowsHaveAMemoriseBaseline()
    {
        // 200 inputs: beyond a 128-bit row key; the baseline keys rows by their text.
        var rng = new SplitMix64(5);
        var inputs = Enumerable.Range(0, 10 * 200).Select(_ => (float)(rng.Next(2))).ToArray();
        var targets = Enumerable.Range(0, 10).Select(_ => (float)rng.Next(2)).ToArray();
        var data = new Dataset(10, 200, 1, inputs, targets, TargetKind.Bits);
        Assert.Equal(1.0, MemoriseBaseline.BitAccuracy(data, data));
    }
}
