using LogicNets.Digital.Networks;
using LogicNets.Digital.Gates;

namespace LogicNets.Tests.Digital;

public class GateLocalSearchTests
{
    private const int Inputs = 4;

    /// <summary>Target: (x0 xor x1) and (x2 or x3), and x0 xor x3 — two outputs over all 16 rows.</summary>
    private static bool[] Target(int row)
    {
        bool Bit(int i) => ((row >> i) & 1) == 1;
        return [(Bit(0) ^ Bit(1)) && (Bit(2) || Bit(3)), Bit(0) ^ Bit(3)];
    }

    /// <summary>Share of output bits right over the whole table: the score a repair maximises.</summary>
    private static double Score(GateChoices choices)
    {
        var circuit = choices.ToCircuit();
        int right = 0, total = 0;
        for (int row = 0; row < 1 << Inputs; row++)
        {
            var input = Enumerable.Range(0, Inputs).Select(i => ((row >> i) & 1) == 1).ToArray();
            var output = circuit.Evaluate(input);
            var target = Target(row);
            for (int o = 0; o < target.Length; o++, total++) if (output[o] == target[o]) right++;
        }
        return (double)right / total;
    }

    private static GateChoices RandomNet(int seed)
    {
        var rng = new Random(seed);
        LayerChoices Layer(int inputWidth, int width) => new(inputWidth,
            Enumerable.Range(0, width).Select(_ => GateOps.FromIndex(rng.Next(16))).ToArray(),
            Enumerable.Range(0, width).Select(_ => rng.Next(inputWidth)).ToArray(),
            Enumerable.Range(0, width).Select(_ => rng.Next(inputWidth)).ToArray(), Rewirable: true);
        return new GateChoices(Inputs, [Layer(Inputs, 4), Layer(4, 2)]);
    }

    private static string Fingerprint(GateChoices choices) =>
        string.Join("|", choices.Layers.Select(l => $"{string.Join(",", l.Ops)};{string.Join(",", l.A)};{string.Join(",", l.B)}"));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void KicksNeverEndBelowTheGreedyClimbAndNeverBelowTheStart(int seed)
    {
        var start = RandomNet(seed);
        double before = Score(start);
        var greedy = RandomNet(seed);
        GateLocalSearch.Improve(greedy, Score, TimeSpan.FromSeconds(30));
        var kicked = RandomNet(seed);
        GateLocalSearch.Improve(kicked, Score, TimeSpan.FromSeconds(30), kicks: 50, seed: seed);

        Assert.True(Score(greedy) >= before, $"greedy climb lowered the score: {before} → {Score(greedy)}");
        Assert.True(Score(kicked) >= Score(greedy), $"kicks ended below the greedy climb: {Score(kicked)} < {Score(greedy)}");
    }

    [Fact]
    public void TheSameSeedGivesTheSameCircuit()
    {
        var first = RandomNet(7);
        var second = RandomNet(7);
        GateLocalSearch.Improve(first, Score, TimeSpan.FromSeconds(30), kicks: 20, seed: 11);
        GateLocalSearch.Improve(second, Score, TimeSpan.FromSeconds(30), kicks: 20, seed: 11);
        Assert.Equal(Fingerprint(first), Fingerprint(second));
    }

    [Fact]
    public void ATrialCapStopsTheSearchAfterExactlyThatManyScoredCandidates()
    {
        // A cap that cuts the climb short: the search scores the start and then stops at the cap, and two runs with the
        // same cap end on the same circuit, however long each candidate took to score.
        int calls = 0;
        double Counting(GateChoices c) { calls++; return Score(c); }
        var full = RandomNet(3);
        GateLocalSearch.Improve(full, Counting, TimeSpan.FromSeconds(30));
        int uncapped = calls;
        Assert.True(uncapped > 40, $"the climb from this start scores only {uncapped} candidates");

        calls = 0;
        var capped = RandomNet(3);
        GateLocalSearch.Improve(capped, Counting, TimeSpan.FromSeconds(30), maxTrials: 40);
        Assert.Equal(40, calls);
        var slow = RandomNet(3);
        GateLocalSearch.Improve(slow, c => { Thread.Sleep(1); return Score(c); }, TimeSpan.FromSeconds(30), maxTrials: 40);
        Assert.Equal(Fingerprint(capped), Fingerprint(slow));
        Assert.NotEqual(Fingerprint(full), Fingerprint(capped));
    }

    [Fact]
    public void KicksReachTheExactRuleOnThisSmallTable()
    {
        // Two layers of 4 and 2 rewirable gates can express the target exactly. From this start the greedy climb
        // stalls short of it; the kicks must get there.
        var greedy = RandomNet(5);
        GateLocalSearch.Improve(greedy, Score, TimeSpan.FromSeconds(30));
        Assert.True(Score(greedy) < 1.0, "the greedy climb alone solves this start: the test no longer needs kicks");
        var net = RandomNet(5);
        GateLocalSearch.Improve(net, Score, TimeSpan.FromSeconds(30), kicks: 2000, seed: 5);
        Assert.Equal(1.0, Score(net));
    }
}
