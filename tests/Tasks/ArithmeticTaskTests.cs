using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogicNets.Tasks.Definitions;
using LogicNets.Tests.Support;

namespace LogicNets.Tests.Tasks;

public class ArithmeticTaskTests
{
    [Property(MaxTest = 300)]
    public Property AdditionTargetsEqualIntegerSum() =>
        Prop.ForAll(
            (from width in Gen.Choose(1, AdditionTask.MaxWidth)
             from a in Generators.Word(width)
             from b in Generators.Word(width)
             from carry in width < AdditionTask.MaxWidth ? Gen.Elements(false, true) : Gen.Constant(false)
             select (width, a, b, carry)).ToArbitrary(),
            c =>
            {
                var task = new AdditionTask(c.width, c.carry);
                var input = new byte[task.InputWidth];
                BitWord.Write(c.a, input.AsSpan(0, c.width));
                BitWord.Write(c.b, input.AsSpan(c.width, c.width));
                if (c.carry) input[2 * c.width] = 1;
                var output = new byte[task.OutputWidth];
                task.Compute(input, output);
                return BitWord.Read(output) == c.a + c.b + (c.carry ? UInt128.One : UInt128.Zero);
            });

    [Property(MaxTest = 300)]
    public Property MultiplicationTargetsEqualIntegerProduct() =>
        Prop.ForAll(
            (from width in Gen.Choose(1, MultiplicationTask.MaxWidth)
             from a in Generators.Word(width)
             from b in Generators.Word(width)
             select (width, a, b)).ToArbitrary(),
            c =>
            {
                var task = new MultiplicationTask(c.width);
                var input = new byte[task.InputWidth];
                BitWord.Write(c.a, input.AsSpan(0, c.width));
                BitWord.Write(c.b, input.AsSpan(c.width, c.width));
                var output = new byte[task.OutputWidth];
                task.Compute(input, output);
                return BitWord.Read(output) == c.a * c.b;
            });

    [Fact]
    public void ParityReadsExactlyItsHiddenBits()
    {
        var task = new ParityTask(16, 3);
        Assert.Equal(3, task.HiddenBits.Distinct().Count());
        var input = new byte[16];
        var output = new byte[1];
        for (int bit = 0; bit < 16; bit++)
        {
            Array.Clear(input);
            input[bit] = 1;
            task.Compute(input, output);
            Assert.Equal(task.HiddenBits.Contains(bit) ? 1 : 0, output[0]);
        }
    }

    [Fact]
    public void MixtureRulesReadDisjointGroupsAndIgnoreDistractors()
    {
        var task = (MixtureTask)TaskName.Parse("mix:xor3,and2,maj3,add2:d4");
        var all = task.Groups.SelectMany(g => g).ToArray();
        Assert.Equal(all.Length, all.Distinct().Count());
        Assert.Equal(16, task.InputWidth);
        var distractors = Enumerable.Range(0, 16).Except(all).ToArray();
        Assert.Equal(4, distractors.Length);

        var rng = new Random(3);
        var input = new byte[16];
        var before = new byte[4];
        var after = new byte[4];
        for (int trial = 0; trial < 200; trial++)
        {
            for (int i = 0; i < 16; i++) input[i] = (byte)rng.Next(2);
            task.Compute(input, before);
            foreach (int d in distractors) input[d] ^= 1;
            task.Compute(input, after);
            Assert.Equal(before, after);

            // Each output is its rule applied to its group.
            var g = task.Groups;
            Assert.Equal(input[g[0][0]] ^ input[g[0][1]] ^ input[g[0][2]], after[0]);
            Assert.Equal(input[g[1][0]] & input[g[1][1]], after[1]);
            Assert.Equal(input[g[2][0]] + input[g[2][1]] + input[g[2][2]] >= 2 ? 1 : 0, after[2]);
            int a = input[g[3][0]] | input[g[3][1]] << 1, b = input[g[3][2]] | input[g[3][3]] << 1;
            Assert.Equal((a + b) >> 2, after[3]);
        }
    }
}
