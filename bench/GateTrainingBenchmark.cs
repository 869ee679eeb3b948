using BenchmarkDotNet.Attributes;
using LogicNets.Digital.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Benchmarks;

/// <summary>
/// One relaxed training step (forward + backward + Adam) of a 6 × 8000 gate network (fixed random wiring) at
/// batch 256: the coefficient form against the 16-function reference. samples/s = 256 / mean.
/// </summary>
public class GateTrainingBenchmark
{
    private GateNetwork _net = null!;
    private optim.Optimizer _optimizer = null!;
    private Tensor _x = null!;
    private Tensor _y = null!;

    [GlobalSetup]
    public void Setup()
    {
        manual_seed(1);
        _net = new GateNetwork("bench", inputs: 64, width: 8000, depth: 5, outputs: 8000, Wiring.FixedRandom, seed: 1, residualBias: 2, CPU);
        _optimizer = optim.Adam(_net.parameters(), 0.01);
        _x = rand(256, 64).gt(0.5).to_type(ScalarType.Float32);
        _y = rand(256, 8000).gt(0.5).to_type(ScalarType.Float32);
    }

    [Benchmark(Baseline = true, Description = "16-function reference step")]
    public float Reference() => Step(reference: true);

    [Benchmark(Description = "coefficient-form step")]
    public float Coefficient() => Step(reference: false);

    private float Step(bool reference)
    {
        using var scope = NewDisposeScope();
        _optimizer.zero_grad();
        var p = (reference ? _net.ForwardReference(_x) : _net.forward(_x)).clamp(1e-6, 1 - 1e-6);
        var loss = nn.functional.binary_cross_entropy(p, _y);
        loss.backward();
        _optimizer.step();
        return loss.item<float>();
    }
}
