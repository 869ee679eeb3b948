using LogicNets.Digital.Circuits;
using LogicNets.Digital.Mapper;
using LogicNets.Tasks.Data;
using LogicNets.Tasks.Definitions;
using LogicNets.Tasks.Learning;

namespace LogicNets.Tests.Digital;

public class MapperTests
{
    private const int Batch = 1000, Inputs = 500, Outputs = 100;

    /// <summary>Random ±1 inputs and targets that copy chosen input columns, a fraction of them replaced by random signs.</summary>
    private static (float[,] X, float[,] T) Batch_(Random rng, int[] columns, double noise)
    {
        var x = new float[Batch, Inputs];
        var t = new float[Batch, Outputs];
        for (int b = 0; b < Batch; b++)
        {
            for (int i = 0; i < Inputs; i++) x[b, i] = rng.Next(2) == 0 ? -1 : 1;
            for (int o = 0; o < Outputs; o++) t[b, o] = rng.NextDouble() < noise ? (rng.Next(2) == 0 ? -1 : 1) : x[b, columns[o]];
        }
        return (x, t);
    }

    private static double Accuracy(float[,] y, float[,] t)
    {
        double right = 0;
        for (int b = 0; b < y.GetLength(0); b++)
            for (int o = 0; o < y.GetLength(1); o++)
                if (y[b, o] * t[b, o] > 0) right++;
        return right / y.Length;
    }

    [Fact]
    public void OneUpdateAtRateOneFindsTheTargetColumns()
    {
        var rng = new Random(1);
        var columns = Enumerable.Range(0, Outputs).Select(_ => rng.Next(Inputs)).ToArray();
        var layer = new WireSelectorLayer(Inputs, Outputs, deduplicate: false);
        var (x, t) = Batch_(rng, columns, 0);
        layer.Backward(x, layer.Forward(x), t, learningRate: 1);
        var (x2, t2) = Batch_(rng, columns, 0);
        Assert.True(Accuracy(layer.Forward(x2), t2) >= 0.97);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public void WithRandomSignTargetsAccuracyPlateausAtOneMinusHalfTheNoise(double noise)
    {
        var rng = new Random(2);
        var columns = Enumerable.Range(0, Outputs).Select(_ => rng.Next(Inputs)).ToArray();
        var layer = new WireSelectorLayer(Inputs, Outputs, deduplicate: false);
        for (int step = 0; step < 5; step++)
        {
            var (x, t) = Batch_(rng, columns, noise);
            layer.Backward(x, layer.Forward(x), t, learningRate: 1);
        }
        var (xs, ts) = Batch_(rng, columns, noise);
        Assert.InRange(Accuracy(layer.Forward(xs), ts), 1 - noise / 2 - 0.02, 1 - noise / 2 + 0.02);
    }

    [Fact]
    public void GateTargetsFollowTheTruthTables()
    {
        var layer = new MapperGateLayer(3); // AND, OR, XOR
        float[,] x = { { 1, 1, -1, -1, 1, 1 } };
        var y = layer.Forward(x);
        Assert.Equal(new float[] { 1, -1, -1 }, new[] { y[0, 0], y[0, 1], y[0, 2] });
        var t = layer.Backward(x, y, new float[,] { { -1, 1, 1 } });
        Assert.Equal(new float[] { -0.5f, -0.5f, 0.5f, 0.5f, -0.5f, 0.5f }, Enumerable.Range(0, 6).Select(i => t[0, i]));
    }

    [Fact]
    public void LearnerLearnsAHiddenParityAndItsCircuitIsWhatItPredicts()
    {
        var task = TaskName.Parse("parity:8:2");
        var data = TaskDataFactory.Create(task, new SplitOptions { Seed = 1, TrainFraction = 0.5 });
        using var learner = new MapperLearner(new LearnerRequest(LearnerShape.Of(task), 16, new ModelSettings()));
        Assert.Equal(RunStatus.Ok, learner.Fit(data.Train, new FitOptions { Seed = 1 }).Status);
        Assert.Equal(data.Test.Targets, learner.Predict(data.Test));
        var reloaded = CircuitJson.Parse(CircuitJson.Serialize(learner.Circuit!));
        for (int r = 0; r < data.Test.Rows; r++)
            Assert.Equal(data.Test.TargetRow(r)[0] > 0.5f, reloaded.Evaluate(data.Test.InputRow(r).ToArray().Select(v => v > 0.5f).ToArray())[0]);
    }
}
