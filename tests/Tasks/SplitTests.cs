using LogicNets.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tests.Support;

namespace LogicNets.Tests.Tasks;

public class SplitTests
{
    private static readonly Gen<string> SmallTasks = Gen.OneOf(
        Gen.Choose(1, 5).Select(n => $"add:{n}"),
        Gen.Choose(1, 4).Select(n => $"mul:{n}"),
        from n in Gen.Choose(2, 10) from k in Gen.Choose(1, n) select $"parity:{n}:{k}",
        Gen.Constant("mix:xor2,and2:d2"));

    [Property(MaxTest = 100)]
    public Property EnumeratedSplitsAreDisjointAndCoverTheTable() =>
        Prop.ForAll(
            (from name in SmallTasks from fraction in Generators.Fraction from seed in Gen.Choose(0, 10000) select (name, fraction, seed)).ToArbitrary(),
            c =>
            {
                var task = TaskName.Parse(c.name);
                var data = TaskDataFactory.Create(task, new SplitOptions { Seed = c.seed, TrainFraction = c.fraction });
                var train = Keys(data.Train);
                var test = Keys(data.Test);
                int table = 1 << task.InputWidth;
                bool distinct = train.Count == data.Train.Rows && test.Count == data.Test.Rows;
                if (data.Train.Rows == table) // fraction rounds to the whole table: nothing held out, test is the table
                    return distinct && test.SetEquals(train);
                return distinct && !train.Overlaps(test) && train.Count + test.Count == table
                       && Math.Abs(train.Count - c.fraction * table) <= 1;
            });

    [Fact]
    public void SampledSplitsOfWideTablesAreDisjoint()
    {
        var data = TaskDataFactory.Create(TaskName.Parse("add:16"), new SplitOptions { Seed = 5, TrainFraction = 0.5, MaxSampledTrainRows = 3000, MaxSampledTestRows = 2000 });
        Assert.Equal(SplitMode.Sampled, data.Mode);
        var train = Keys(data.Train);
        var test = Keys(data.Test);
        Assert.Equal(3000, train.Count);
        Assert.Equal(2000, test.Count);
        Assert.False(train.Overlaps(test));
    }

    [Fact]
    public void SameSeedSameSplitOtherSeedOtherSplit()
    {
        var task = TaskName.Parse("add:4");
        var a = TaskDataFactory.Create(task, new SplitOptions { Seed = 3, TrainFraction = 0.5 });
        var b = TaskDataFactory.Create(task, new SplitOptions { Seed = 3, TrainFraction = 0.5 });
        var c = TaskDataFactory.Create(task, new SplitOptions { Seed = 4, TrainFraction = 0.5 });
        Assert.Equal(a.Train.Inputs, b.Train.Inputs);
        Assert.NotEqual(a.Train.Inputs, c.Train.Inputs);
    }

    [Fact]
    public void TargetsAreTheTaskRule()
    {
        var task = (BitTask)TaskName.Parse("mul:3");
        var data = TaskDataFactory.Create(task, new SplitOptions { TrainFraction = 1 });
        var output = new byte[task.OutputWidth];
        for (int r = 0; r < data.Train.Rows; r++)
        {
            task.Compute(data.Train.InputRow(r).ToArray().Select(v => (byte)v).ToArray(), output);
            Assert.Equal(output.Select(b => (float)b), data.Train.TargetRow(r).ToArray());
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void FractionsOutsideUnitIntervalAreRejected(double fraction) =>
        Assert.Throws<UserInputException>(() => TaskDataFactory.Create(TaskName.Parse("add:2"), new SplitOptions { TrainFraction = fraction }));

    [Fact]
    public void NoisyXorFollowsItsProtocol()
    {
        var data = TaskDataFactory.Create(new NoisyXorTask(), new SplitOptions { Seed = 1 });
        Assert.Equal(5000, data.Train.Rows);
        Assert.Equal(5000, data.Test.Rows);
        Assert.Equal(0.4, data.Noise);
        for (int r = 0; r < data.Test.Rows; r++)
        {
            var x = data.Test.InputRow(r);
            Assert.Equal((int)x[0] ^ (int)x[1], (int)data.Test.TargetRow(r)[0]);
        }
        int flipped = Enumerable.Range(0, data.Train.Rows).Count(r =>
            ((int)data.Train.InputRow(r)[0] ^ (int)data.Train.InputRow(r)[1]) != (int)data.Train.TargetRow(r)[0]);
        Assert.InRange(flipped / 5000.0, 0.4 - 4 * 0.0069, 0.4 + 4 * 0.0069); // 4σ of a binomial share
    }

    [Fact]
    public void ProductDrawsFromItsRanges()
    {
        var data = TaskDataFactory.Create(new ProductTask(), new SplitOptions { Seed = 2 });
        Assert.All(data.Train.Inputs, x => Assert.InRange(x, 1f, 2f));
        Assert.All(data.Test.Inputs, x => Assert.InRange(x, 2f, 6f));
        for (int r = 0; r < data.Test.Rows; r++)
            Assert.Equal(data.Test.InputRow(r)[0] * data.Test.InputRow(r)[1], data.Test.TargetRow(r)[0], 1e-3f);
    }

    private static HashSet<UInt128> Keys(Dataset data) => Enumerable.Range(0, data.Rows).Select(data.Key).ToHashSet();
}
