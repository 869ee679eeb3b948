using BenchmarkDotNet.Attributes;
using LogicNets.Digital.Networks;
using LogicNets.Digital.Relaxation;
using TorchSharp;
using static TorchSharp.torch;

namespace LogicNets.Benchmarks;

/// <summary>
/// One relaxed training step (forward + backward + Adam) of a 6 × 8000 gate network (fixed random wiring) at
/// batch 256: the coefficient form in libtorch operations and in the fused kernel, against the 16-function reference.
/// samples/s = 256 / mean. The step is the one of <c>../shared/peers/difflogic_step.py</c> (random bit inputs, random
/// real targets, mean squared error, Adam at 0.01), so the two can be compared side by side
/// (<c>bench/gate-step-side-by-side.sh</c>). The libtorch cases run at the thread count of <c>LOGICNETS_BENCH_THREADS</c> (default 1);
/// the fused kernel is single-threaded.
/// </summary>
public class GateTrainingBenchmark
{
    private GateNetwork _net = null!;
    private GateNetwork _fused = null!;
    private optim.Optimizer _optimizer = null!;
    private optim.Optimizer _fusedOptimizer = null!;
    private Tensor _x = null!;
    private Tensor _y = null!;

    [GlobalSetup]
    public void Setup()
    {
        BenchThreads.Apply();
        manual_seed(1);
        _net = new GateNetwork("bench", inputs: 64, width: 8000, depth: 5, outputs: 8000, Wiring.FixedRandom, seed: 1, residualBias: 2, CPU,
            kernel: GateKernel.Libtorch);
        _optimizer = optim.Adam(_net.parameters(), 0.01);
        manual_seed(1);
        _fused = new GateNetwork("bench", inputs: 64, width: 8000, depth: 5, outputs: 8000, Wiring.FixedRandom, seed: 1, residualBias: 2, CPU,
            kernel: GateKernel.Fused);
        _fusedOptimizer = optim.Adam(_fused.parameters(), 0.01);
        _x = rand(256, 64).gt(0.5).to_type(ScalarType.Float32);
        _y = rand(256, 8000);
    }

    [Benchmark(Baseline = true, Description = "16-function reference step")]
    public float Reference() => Step(_net, _optimizer, reference: true);

    [Benchmark(Description = "coefficient-form step, libtorch ops")]
    public float Coefficient() => Step(_net, _optimizer, reference: false);

    [Benchmark(Description = "coefficient-form step, fused kernel")]
    public float Fused() => Step(_fused, _fusedOptimizer, reference: false);

    private float Step(GateNetwork net, optim.Optimizer optimizer, bool reference)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = ((reference ? net.ForwardReference(_x) : net.forward(_x)) - _y).square().mean();
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
