using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Tests.Tasks;

public class TaskNameTests
{
    private static readonly Gen<string> ValidNames = Gen.OneOf(
        Gen.Choose(1, AdditionTask.MaxWidth).Select(n => $"add:{n}"),
        Gen.Choose(1, AdditionTask.MaxWidth - 1).Select(n => $"add:{n}:carry"),
        Gen.Choose(1, MultiplicationTask.MaxWidth).Select(n => $"mul:{n}"),
        from n in Gen.Choose(1, 128) from k in Gen.Choose(1, n) select $"parity:{n}:{k}",
        Gen.Constant("noisy-xor"),
        Gen.Constant("product"),
        from lo in Gen.Choose(-50, 50) from span in Gen.Choose(1, 50) select $"product:{lo},{lo + span}:{lo - span},{lo + 2 * span}",
        from rules in Gen.NonEmptyListOf(Gen.OneOf(
                Gen.Choose(2, 6).Select(w => $"xor{w}"),
                Gen.Choose(2, 6).Select(w => $"and{w}"),
                Gen.Choose(2, 6).Select(w => $"or{w}"),
                Gen.Elements(3, 5, 7).Select(w => $"maj{w}"),
                Gen.Choose(1, 4).Select(w => $"add{w}")))
            from d in Gen.Choose(0, 8)
            where rules.Count <= 8
            select "mix:" + string.Join(",", rules) + (d > 0 ? $":d{d}" : ""));

    [Property(MaxTest = 300)]
    public Property ValidNamesRoundTrip() =>
        Prop.ForAll(ValidNames.ToArbitrary(), name =>
        {
            var task = TaskName.Parse(name);
            return task.Name == name && TaskName.Parse(task.Name).Name == name;
        });

    [Theory]
    [InlineData("add:0")]
    [InlineData("add:99x")]
    [InlineData("add:65")]
    [InlineData("add:64:carry")]
    [InlineData("add:4:carr")]
    [InlineData("add")]
    [InlineData("add:-3")]
    [InlineData("mul:0")]
    [InlineData("mul:65")]
    [InlineData("parity:4:9")]
    [InlineData("parity:4:0")]
    [InlineData("parity:129:1")]
    [InlineData("parity:8")]
    [InlineData("noisy-xor:3")]
    [InlineData("mix:")]
    [InlineData("mix:xor1")]
    [InlineData("mix:maj4")]
    [InlineData("mix:nand2")]
    [InlineData("mix:xor2:x3")]
    [InlineData("mix:xor64,xor64,xor2")]
    [InlineData("product:2,1:2,6")]
    [InlineData("product:1,2")]
    [InlineData("product:a,b:c,d")]
    [InlineData("sub:4")]
    [InlineData("")]
    public void MalformedNamesAreRejectedWithTheValidForms(string name)
    {
        var error = Assert.Throws<TaskSpecException>(() => TaskName.Parse(name));
        Assert.Contains($"'{name}'", error.Message);
        Assert.Contains("Valid forms:", error.Message);
    }

    [Fact]
    public void ErrorsNameTheOffendingPart()
    {
        Assert.Contains("'99x'", Assert.Throws<TaskSpecException>(() => TaskName.Parse("add:99x")).Message);
        Assert.Contains("subset size", Assert.Throws<TaskSpecException>(() => TaskName.Parse("parity:4:9")).Message);
    }
}
