using System.Diagnostics;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Evaluation;

// Checks the ILGPU evaluator on the first CUDA device against the SIMD CPU evaluator, bit for bit, and times it.
// Usage: IlgpuCheck [samples-per-benchmark-call] [cuda|cpu]   (default 1 048 576 samples on cuda; cpu: ILGPU's CPU
// accelerator, to try the runner on a machine without a GPU)
//        IlgpuCheck onecore   the SIMD evaluator on one thread, EvaluatorBenchmark's shapes, to set beside gatebench.c
if (args.Length > 0 && args[0] == "onecore") return OneCore();
int samples = args.Length > 0 ? int.Parse(args[0]) : 1 << 20;
using var gpu = new IlgpuEvaluator(args.Length > 1 && args[1] == "cpu" ? IlgpuTarget.Cpu : IlgpuTarget.Cuda);
var cpu = new SimdEvaluator();
Console.WriteLine($"evaluator {gpu.Name}; cpu reference {cpu.Name}; {Environment.ProcessorCount} cores");

static PackedBits Random(int lanes, int samples, int seed)
{
    var rng = new Random(seed);
    var bits = new PackedBits(lanes, samples);
    for (int i = 0; i < bits.Data.Length; i++) bits.Data[i] = (ulong)rng.NextInt64();
    bits.ClearTails();
    return bits;
}

// 1. Agreement: random layered circuits over all 16 operations and over the ten two-input ones, odd sample counts.
int checks = 0;
foreach (int seed in Enumerable.Range(1, 8))
    foreach (var ops in new[] { null, LayeredRandomCircuit.TwoInputOps })
        foreach (int n in new[] { 1, 63, 4097, 100_003 })
        {
            var circuit = new CompiledCircuit(LayeredRandomCircuit.Make(inputs: 24, layers: 4, width: 200, seed, ops));
            var inputs = Random(24, n, seed * 7 + n);
            var expected = cpu.Evaluate(circuit, inputs);
            var actual = gpu.Evaluate(circuit, inputs);
            if (!expected.Data.SequenceEqual(actual.Data))
            {
                Console.WriteLine($"MISMATCH seed {seed} ops {(ops is null ? "all16" : "two-input")} samples {n}");
                return 1;
            }
            checks++;
        }
Console.WriteLine($"agreement: {checks} of {checks} random circuits equal the SIMD evaluator bit for bit");

// 2. Speed on the benchmark's circuit shape (6 × 8000 gates, 64 inputs), as gate-evals/s = gates × samples / s.
// The last case keeps 64 of the 8000 outputs (the gates no output needs still run on the GPU): what a call costs when
// copying the results back is small, the kernels' share.
var allOps = LayeredRandomCircuit.Make(inputs: 64, layers: 6, width: 8000, seed: 1);
var fewOutputs = new HardCircuit(allOps.InputCount, allOps.Gates, allOps.Outputs.Take(64).ToArray());
foreach (var (name, hard) in new[] { ("all 16 operations", allOps),
             ("two-input operations", LayeredRandomCircuit.Make(inputs: 64, layers: 6, width: 8000, seed: 1, LayeredRandomCircuit.TwoInputOps)),
             ("all 16 operations, 64 outputs", fewOutputs) })
{
    var circuit = new CompiledCircuit(hard);
    var inputs = Random(64, samples, 2);
    var output = new PackedBits(circuit.Outputs.Length, samples);
    var reference = new PackedBits(circuit.Outputs.Length, samples);
    cpu.Evaluate(circuit, inputs, reference);
    gpu.Evaluate(circuit, inputs, output); // compiles and warms up
    bool equal = reference.Data.SequenceEqual(output.Data);
    var times = new List<double>();
    for (int r = 0; r < 10; r++)
    {
        var clock = Stopwatch.StartNew();
        gpu.Evaluate(circuit, inputs, output);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    var cpuClock = Stopwatch.StartNew();
    for (int r = 0; r < 3; r++) cpu.Evaluate(circuit, inputs, reference);
    double cpuMs = cpuClock.Elapsed.TotalMilliseconds / 3;
    times.Sort();
    double evals = 48_000.0 * samples;
    Console.WriteLine($"{name}: {samples} samples, equal to CPU: {equal}; gpu per call (copies in and out included) " +
        $"median {times[5]:F2} ms, best {times[0]:F2} ms → {evals / (times[5] / 1000):E2} gate-evals/s; " +
        $"cpu ({cpu.Name}) {cpuMs:F1} ms → {evals / (cpuMs / 1000):E2}");
}
return 0;

// The SIMD evaluator on one thread with EvaluatorBenchmark's shapes (6 × 8000 gates, 64 inputs, 4 096 samples, blocks
// of 16 words), for a side-by-side with ../shared/peers/gatebench.c on a machine without .NET: medians of 10 rounds of
// 100 calls. "per gate run" counts the gates the evaluator's schedule keeps; "nominal" all 48 000, as the C loop does.
static int OneCore()
{
    var evaluator = new SimdEvaluator(threads: 1, blockWords: 16);
    foreach (var (name, ops) in new[] { ("all 16 operations", (IReadOnlyList<LogicNets.Digital.Gates.GateOp>?)null), ("two-input operations", LayeredRandomCircuit.TwoInputOps) })
    {
        var circuit = new CompiledCircuit(LayeredRandomCircuit.Make(inputs: 64, layers: 6, width: 8000, seed: 1, ops));
        var inputs = Random(64, 4096, 2);
        var output = new PackedBits(circuit.Outputs.Length, 4096);
        for (int r = 0; r < 50; r++) evaluator.Evaluate(circuit, inputs, output);
        var rounds = new List<double>();
        for (int round = 0; round < 10; round++)
        {
            var clock = Stopwatch.StartNew();
            for (int r = 0; r < 100; r++) evaluator.Evaluate(circuit, inputs, output);
            rounds.Add(clock.Elapsed.TotalMilliseconds / 100);
        }
        rounds.Sort();
        double ms = (rounds[4] + rounds[5]) / 2;
        Console.WriteLine($"onecore {name}: {ms * 1000:F1} us per call (rounds {rounds[0] * 1000:F1}–{rounds[^1] * 1000:F1}); " +
            $"{circuit.Schedule.GateCount} of 48000 gates run: per gate run {circuit.Schedule.GateCount * 4096.0 / (ms / 1000):E2}/s, nominal {48000 * 4096.0 / (ms / 1000):E2}/s");
    }
    return 0;
}
