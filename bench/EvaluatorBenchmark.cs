using BenchmarkDotNet.Attributes;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;

namespace LogicNets.Benchmarks;

/// <summary>
/// Hard-circuit evaluation of a layered random circuit, 6 layers × 8000 gates, on 4096 bit-packed samples:
/// 196.6 M gate-evaluations per call (gate-evals/s = 196 608 000 / mean). The scalar evaluator is the reference,
/// run on 64 samples (3.07 M gate-evaluations per call) because it is thousands of times slower.
/// </summary>
[MemoryDiagnoser]
public class EvaluatorBenchmark
{
    public const int Layers = 6;
    public const int Width = 8000;
    public const int Samples = 4096;

    private CompiledCircuit _circuit = null!;
    private PackedBits _inputs = null!;
    private PackedBits _few = null!;
    private SimdEvaluator _oneCore = null!;
    private SimdEvaluator _allCores = null!;

    /// <summary>Words (64 samples each) a thread evaluates per pass over the gates.</summary>
    [Params(8, 16, 32)]
    public int BlockWords { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _circuit = new CompiledCircuit(LayeredRandomCircuit.Make(inputs: 64, Layers, Width, seed: 1));
        _inputs = Random(Samples);
        _few = Random(64);
        _oneCore = new SimdEvaluator(threads: 1, BlockWords);
        _allCores = new SimdEvaluator(threads: Environment.ProcessorCount, BlockWords);
    }

    private static PackedBits Random(int samples)
    {
        var rng = new Random(2);
        var bits = new PackedBits(64, samples);
        for (int i = 0; i < bits.Data.Length; i++) bits.Data[i] = (ulong)rng.NextInt64();
        bits.ClearTails();
        return bits;
    }

    [Benchmark(Baseline = true, Description = "scalar reference, 64 samples")]
    public PackedBits Scalar64() => new ScalarEvaluator().Evaluate(_circuit, _few);

    [Benchmark(Description = "SIMD, 1 thread, 4096 samples")]
    public PackedBits SimdOneCore() => _oneCore.Evaluate(_circuit, _inputs);

    [Benchmark(Description = "SIMD, all cores, 4096 samples")]
    public PackedBits SimdAllCores() => _allCores.Evaluate(_circuit, _inputs);
}
