using LogicNets.Continuous.Gramo;
using LogicNets.Continuous.Mlp;
using LogicNets.Diagnostics.Gradients;
using LogicNets.Diagnostics.Inspection;
using LogicNets.Diagnostics.Vanishing;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Tests.Diagnostics;

public class VanishingAndGradientTests
{
    private static IReadOnlyList<LayerStage> ReluStack(int depth, bool bias)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int layer = 0; layer < depth; layer++)
        {
            layers.Add(($"linear{layer}", nn.Linear(100, 100, hasBias: bias)));
            layers.Add(($"relu{layer}", nn.ReLU()));
        }
        return LayerStack.Of(nn.Sequential(layers));
    }

    [Fact]
    public void DefaultInitialisedBiasedStackSinksToItsBiasFloor()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(1);
        var rows = InformationVanishing.Measure(ReluStack(12, bias: true), randn(512, 100));
        Assert.True(rows[1].InputDependence > 0.3, $"depth 2 input dependence {rows[1].InputDependence}");
        Assert.True(rows[9].InputDependence < 0.05, $"depth 10 input dependence {rows[9].InputDependence}");
        Assert.True(rows[9].VarianceShare < 0.01, $"depth 10 variance share {rows[9].VarianceShare}");
        Assert.NotNull(InformationVanishing.IgnoresInput(rows));
    }

    [Fact]
    public void WithoutBiasesTheInputSurvives()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(1);
        var rows = InformationVanishing.Measure(ReluStack(12, bias: false), randn(512, 100));
        Assert.All(rows, row => Assert.True(row.InputDependence > 0.99, $"{row.Layer}: {row.InputDependence}"));
        Assert.Null(InformationVanishing.IgnoresInput(rows));
    }

    private static IReadOnlyList<LayerStage> TrainLinear(Func<Tensor, Tensor> label)
    {
        random.manual_seed(2);
        var linear = nn.Linear(8, 1);
        using var optimizer = optim.SGD(linear.parameters(), 0.1, weight_decay: 0.05);
        for (int step = 0; step < 600; step++)
        {
            using var scope = NewDisposeScope();
            var x = randn(64, 8);
            optimizer.zero_grad();
            nn.functional.mse_loss(linear.forward(x), label(x)).backward();
            optimizer.step();
        }
        return LayerStack.Of(nn.Sequential(("linear", linear)));
    }

    [Fact]
    public void LinearTrainedOnConstantLabelsIsFlaggedAsIgnoringItsInput()
    {
        using var scope = NewDisposeScope();
        var constant = TrainLinear(x => full(x.shape[0], 1, 0.7f));
        Assert.NotNull(InformationVanishing.IgnoresInput(InformationVanishing.Measure(constant, randn(256, 8))));
        var informative = TrainLinear(x => x.narrow(1, 0, 1));
        Assert.Null(InformationVanishing.IgnoresInput(InformationVanishing.Measure(informative, randn(256, 8))));
    }

    [Fact]
    public void DeepPlainMlpStarvesItsFirstLayerAndProtectionEqualisesEveryLayer()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        var stages = LayerStack.Of(MlpNetwork.Create(16, 64, 30, 4));
        var inputs = rand(256, 16).round();
        var targets = rand(256, 4).round();
        var plain = GradientProfile.Measure(stages, inputs, targets, bitTargets: true);
        double first = plain[0].WeightGradientRms!.Value, last = plain[^1].WeightGradientRms!.Value;
        Assert.True(first < last * 1e-6, $"layer 1 RMS {first:E2} vs last {last:E2}");

        var guarded = GradientProfile.Measure(stages, inputs, targets, bitTargets: true, new ProtectionSettings());
        Assert.All(guarded, row => Assert.Equal(1.0, row.WeightGradientRms!.Value, 4));
    }
}
