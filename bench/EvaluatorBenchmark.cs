using BenchmarkDotNet.Attributes;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;

namespace LogicNets.Benchmarks;

/// <summary>
/// Hard-circuit evaluation of a layered random circuit, 6 layers × 8000 gates, on 4096 bit-packed samples:
/// 196.6 M gate-evaluations per call as <c>gatebench.c</c> counts them (gate-evals/s = 196 608 000 / mean), of which the
/// evaluator runs only the gates that are not wiring and that an output needs (<see cref="EvaluationSchedule.GateCount"/>). The scalar evaluator is the reference,
/// run on 64 samples (3.07 M gate-evaluations per call) because it is thousands of times slower. Outputs go into
/// buffers allocated once, as a caller that evaluates repeatedly would do; one case allocates its 4 MB output per call
/// to show what that costs.
/// </summary>
[MemoryDiagnoser]
public class EvaluatorBenchmark
{
    public const int Layers = 6;
    public const int Width = 8000;
    public const int Samples = 4096;

    private CompiledCircuit _circuit = null!;
    private CompiledCircuit _twoInput = null!;
    private PackedBits _inputs = null!;
    private PackedBits _few = null!;
    private SimdEvaluator _oneCore = null!;
    private SimdEvaluator _allCores = null!;
    private PackedBits _output = null!;
    private PackedBits _fewOutput = null!;

    /// <summary>Words (64 samples each) a thread evaluates per pass over the gates.</summary>
    [Params(8, 16, 32)]
    public int BlockWords { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _circuit = new CompiledCircuit(LayeredRandomCircuit.Make(inputs: 64, Layers, Width, seed: 1));
        _twoInput = new CompiledCircuit(LayeredRandomCircuit.Make(inputs: 64, Layers, Width, seed: 1, LayeredRandomCircuit.TwoInputOps));
        _inputs = Random(Samples);
        _few = Random(64);
        _oneCore = new SimdEvaluator(threads: 1, BlockWords);
        _allCores = new SimdEvaluator(threads: Environment.ProcessorCount, BlockWords);
        _output = new PackedBits(_circuit.Outputs.Length, Samples);
        _fewOutput = new PackedBits(_circuit.Outputs.Length, 64);
        // Built once per circuit, not part of an evaluation. The counts let bench/side-by-side.sh rate a gate it runs.
        Console.WriteLine($"// gates run: all-16 {_circuit.Schedule.GateCount}, two-input {_twoInput.Schedule.GateCount} of {Layers * Width}");
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
    public void Scalar64() => new ScalarEvaluator().Evaluate(_circuit, _few, _fewOutput);

    [Benchmark(Description = "SIMD, 1 thread, 4096 samples")]
    public void SimdOneCore() => _oneCore.Evaluate(_circuit, _inputs, _output);

    /// <summary>
    /// The same shape with only the ten operations that read both inputs: nothing folds, only gates no output reaches
    /// are skipped, so this is the evaluator's speed per gate it runs (gate counts in BENCHMARKS.md).
    /// </summary>
    [Benchmark(Description = "SIMD, 1 thread, 4096 samples, two-input gates only")]
    public void SimdOneCoreTwoInputGates() => _oneCore.Evaluate(_twoInput, _inputs, _output);

    [Benchmark(Description = "SIMD, all cores, 4096 samples")]
    public void SimdAllCores() => _allCores.Evaluate(_circuit, _inputs, _output);

    [Benchmark(Description = "SIMD, 1 thread, 4096 samples, new output per call")]
    public PackedBits SimdOneCoreAllocating() => _oneCore.Evaluate(_circuit, _inputs);
}
