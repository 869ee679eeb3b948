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
/// Circuit evaluation as an ILGPU kernel: one thread per 64-sample word walks the gates in order; node values
/// live node-major in device memory so neighbouring threads read neighbouring words. The kernel is compiled once
/// per evaluator and reused for every circuit.
/// </summary>
public sealed class IlgpuEvaluator : ICircuitEvaluator, IDisposable
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<ulong>, ArrayView<ulong>, int, int, int> _kernel;

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
        _kernel = _accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<ulong>, ArrayView<ulong>, int, int, int>(Kernel);
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
        using var nodes = _accelerator.Allocate1D<ulong>((long)circuit.NodeCount * words);
        nodes.View.SubView(0, inputs.Data.LongLength).CopyFromCPU(inputs.Data);
        _kernel(words, a.View, b.View, masks.View, nodes.View, circuit.InputCount, words, circuit.GateCount);
        _accelerator.Synchronize();
        // Only the output lanes come back: the node buffer is NodeCount × words, usually far larger.
        var lane = new ulong[words];
        for (int o = 0; o < circuit.Outputs.Length; o++)
        {
            nodes.View.SubView((long)circuit.Outputs[o] * words, words).CopyToCPU(lane);
            lane.CopyTo(output.Data, (long)o * words);
        }
        output.ClearTails();
    }

    private static void Kernel(Index1D word, ArrayView<int> a, ArrayView<int> b, ArrayView<ulong> masks, ArrayView<ulong> nodes,
        int inputCount, int words, int gateCount)
    {
        for (int g = 0; g < gateCount; g++)
        {
            ulong x = nodes[(long)a[g] * words + word];
            ulong y = nodes[(long)b[g] * words + word];
            nodes[(long)(inputCount + g) * words + word] = masks[4 * g] ^ (masks[4 * g + 1] & x) ^ (masks[4 * g + 2] & y) ^ (masks[4 * g + 3] & x & y);
        }
    }

    public void Dispose()
    {
        _accelerator.Dispose();
        _context.Dispose();
    }
}
