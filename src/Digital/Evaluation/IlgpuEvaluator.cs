using LogicNets.Tasks;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace LogicNets.Digital.Evaluation;

/// <summary>Which ILGPU accelerator to evaluate on.</summary>
public enum IlgpuTarget
{
    /// <summary>CUDA when a device is present, else the CPU accelerator.</summary>
    Auto,

    /// <summary>ILGPU's CPU accelerator (tests, machines without a GPU).</summary>
    Cpu,

    /// <summary>A CUDA device; fails clearly when there is none.</summary>
    Cuda,
}

/// <summary>
/// Circuit evaluation as an ILGPU kernel, one launch per level of the circuit (gates of a level never read each other):
/// a thread computes one 64-sample word of one gate, so a launch has (gates in the level × words) threads; node values
/// live node-major in device memory so neighbouring threads read neighbouring words. The kernel is compiled once per
/// evaluator and reused for every circuit and level.
/// </summary>
/// <remarks>
/// The first version ran one thread per word through every gate (16 384 threads at 2^20 samples, for an H200 that
/// holds 270 000) and copied each output lane back on its own: 0.49 s per call on the 6 × 8000-gate benchmark circuit.
/// Launches per level alone left it at 0.51 s; gathering the outputs on the device for one copy made it 0.08–0.11 s,
/// now bound by that copy (BENCHMARKS.md).
/// </remarks>
public sealed class IlgpuEvaluator : ICircuitEvaluator, IDisposable
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<ulong>, ArrayView<ulong>, int, int, int> _kernel;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<ulong>, ArrayView<ulong>, int> _gather;

    public IlgpuEvaluator(IlgpuTarget target = IlgpuTarget.Auto)
    {
        _context = Context.Create(builder => builder.CPU().Cuda());
        var cuda = _context.GetCudaDevices();
        if (target == IlgpuTarget.Cuda && cuda.Count == 0)
        {
            _context.Dispose();
            throw new UserInputException("no CUDA device is visible to ILGPU; use the CPU evaluator or IlgpuTarget.Auto");
        }
        _accelerator = target != IlgpuTarget.Cpu && cuda.Count > 0
            ? cuda[0].CreateAccelerator(_context)
            : _context.GetCPUDevice(0).CreateAccelerator(_context);
        _kernel = _accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<ulong>, ArrayView<ulong>, int, int, int>(Kernel);
        _gather = _accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<ulong>, ArrayView<ulong>, int>(Gather);
    }

    public string Name => $"ilgpu-{_accelerator.AcceleratorType.ToString().ToLowerInvariant()}";

    public void Evaluate(CompiledCircuit circuit, PackedBits inputs, PackedBits output)
    {
        circuit.CheckShapes(inputs, output);
        int words = inputs.Words;
        if (words == 0) return;
        using var a = _accelerator.Allocate1D(circuit.A.Length == 0 ? [0] : circuit.A);
        using var b = _accelerator.Allocate1D(circuit.B.Length == 0 ? [0] : circuit.B);
        using var masks = _accelerator.Allocate1D(circuit.Masks.Length == 0 ? [0UL] : circuit.Masks);
        var (order, levelStarts) = LevelOrder(circuit);
        using var gates = _accelerator.Allocate1D(order.Length == 0 ? [0] : order);
        using var nodes = _accelerator.Allocate1D<ulong>((long)circuit.NodeCount * words);
        nodes.View.SubView(0, inputs.Data.LongLength).CopyFromCPU(inputs.Data);
        // Launches on one stream run in order, so each level sees the last one's values. A launch covers at most 2^30
        // threads (gates or output lanes × words): the launcher rounds the count up to whole groups, which overflows near 2^31.
        int perLaunch = Math.Max(1, (1 << 30) / words);
        for (int level = 0; level + 1 < levelStarts.Length; level++)
            for (int first = levelStarts[level]; first < levelStarts[level + 1]; first += perLaunch)
            {
                int count = Math.Min(perLaunch, levelStarts[level + 1] - first);
                _kernel(count * words, gates.View, a.View, b.View, masks.View, nodes.View, circuit.InputCount, words, first);
            }
        // Only the output lanes come back, gathered on the device into one buffer and copied in one transfer: the node
        // buffer is NodeCount × words, usually far larger, and a copy per lane (8 000 on the benchmark circuit) cost
        // most of a call.
        if (circuit.Outputs.Length > 0)
        {
            using var outputs = _accelerator.Allocate1D(circuit.Outputs);
            using var gathered = _accelerator.Allocate1D<ulong>((long)circuit.Outputs.Length * words);
            for (int first = 0; first < circuit.Outputs.Length; first += perLaunch)
            {
                int count = Math.Min(perLaunch, circuit.Outputs.Length - first);
                _gather(count * words, outputs.View.SubView(first, count), nodes.View, gathered.View.SubView((long)first * words, (long)count * words), words);
            }
            _accelerator.Synchronize();
            gathered.View.SubView(0, output.Data.LongLength).CopyToCPU(output.Data);
        }
        output.ClearTails();
    }

    /// <summary>The gates sorted by level (longest path from the inputs, stable within a level), and where each level starts.</summary>
    private static (int[] Order, int[] LevelStarts) LevelOrder(CompiledCircuit circuit)
    {
        int inputs = circuit.InputCount, gates = circuit.GateCount;
        var level = new int[circuit.NodeCount];
        int deepest = 0;
        for (int g = 0; g < gates; g++)
            deepest = Math.Max(deepest, level[inputs + g] = Math.Max(level[circuit.A[g]], level[circuit.B[g]]) + 1);
        var starts = new int[deepest + 1];
        for (int g = 0; g < gates; g++) starts[level[inputs + g]]++; // counts of level 1..deepest at [1..deepest]
        for (int l = 1; l <= deepest; l++) starts[l] += starts[l - 1];
        // starts[l] is now the end of level l, i.e. the start of level l + 1 in a 0-based list of levels 1..deepest.
        var order = new int[gates];
        var next = new int[deepest + 1];
        Array.Copy(starts, 0, next, 1, deepest);
        for (int g = 0; g < gates; g++) order[next[level[inputs + g]]++] = g;
        return (order, starts);
    }

    private static void Gather(Index1D index, ArrayView<int> outputs, ArrayView<ulong> nodes, ArrayView<ulong> gathered, int words)
    {
        long word = index % words;
        gathered[index] = nodes[(long)outputs[index / words] * words + word];
    }

    private static void Kernel(Index1D index, ArrayView<int> order, ArrayView<int> a, ArrayView<int> b, ArrayView<ulong> masks,
        ArrayView<ulong> nodes, int inputCount, int words, int first)
    {
        int g = order[first + index / words];
        long word = index % words;
        ulong x = nodes[(long)a[g] * words + word];
        ulong y = nodes[(long)b[g] * words + word];
        nodes[(long)(inputCount + g) * words + word] = masks[4 * g] ^ (masks[4 * g + 1] & x) ^ (masks[4 * g + 2] & y) ^ (masks[4 * g + 3] & x & y);
    }

    public void Dispose()
    {
        _accelerator.Dispose();
        _context.Dispose();
    }
}
