using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Tests.Tasks;

/// <summary>
/// A task name and a seed mean the same table forever: these literal values may only change with an announced
/// change of tables (README, "Tables changed once"). A failure here means results are no longer comparable.
/// </summary>
public class DefinitionPinTests
{
    [Fact]
    public void SplitMixMatchesThePublishedReferenceSequence()
    {
        // The reference implementation's first outputs for seed 1234567 (Vigna, splitmix64.c).
        var rng = new SplitMix64(1234567UL);
        Assert.Equal(
            [6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL],
            Enumerable.Range(0, 5).Select(_ => rng.NextUInt64()).ToArray());
    }

    [Fact]
    public void ParityHiddenSubsetIsPinned() =>
        Assert.Equal([3, 5, 15], ((ParityTask)TaskName.Parse("parity:16:3")).HiddenBits);

    [Fact]
    public void MixtureHiddenGroupsArePinned() =>
        Assert.Equal("4 rules on disjoint hidden groups + 4 distractor bits: out0 = xor3(bits 9,12,15); out1 = and2(bits 3,7); out2 = maj3(bits 11,8,5); out3 = add2(bits 13,1,6,2)", TaskName.Parse("mix:xor3,and2,maj3,add2:d4").Description);

    [Fact]
    public void FirstTestRowsOfAdd8Seed1ArePinned()
    {
        var data = TaskDataFactory.Create(TaskName.Parse("add:8"), new SplitOptions { Seed = 1, TrainFraction = 0.5 });
        Assert.Equal([60297, 9244, 44636, 17792], Enumerable.Range(0, 4).Select(r => RowKey(data.Test, r)).ToArray());
        Assert.Equal([27939, 50745, 57787, 57003], Enumerable.Range(0, 4).Select(r => RowKey(data.Train, r)).ToArray());
    }

    [Fact]
    public void NoisyXorFirstTrainRowsAndFlipsArePinned()
    {
        var data = TaskDataFactory.Create(TaskName.Parse("noisy-xor"), new SplitOptions { Seed = 1 });
        Assert.Equal([3077, 3532, 2010, 2716], Enumerable.Range(0, 4).Select(r => RowKey(data.Train, r)).ToArray());
        Assert.Equal([1f, 1f, 1f, 0f], data.Train.Targets[..4]);
    }

    private static int RowKey(Dataset data, int row)
    {
        int key = 0;
        for (int i = 0; i < data.InputWidth; i++) key |= (int)data.Inputs[row * data.InputWidth + i] << i;
        return key;
    }
}
