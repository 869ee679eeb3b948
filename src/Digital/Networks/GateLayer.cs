using LogicNets.Tasks.Data;
using LogicNets.Digital.Gates;
using LogicNets.Digital.Relaxation;
using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace LogicNets.Digital.Networks;

/// <summary>How a gate layer's neurons choose their two inputs.</summary>
public enum Wiring
{
    /// <summary>Fixed at random when the layer is built (difflogic).</summary>
    FixedRandom,

    /// <summary>A softmax selector over the previous layer per neuron input, argmax at discretisation (digital mapper).</summary>
    Learnable,
}

/// <summary>
/// A layer of relaxed two-input gates. Each neuron's output is the coefficient-form relaxation c0 + c1·a + c2·b +
/// c3·ab, with (c0..c3) = softmax(16 logits)·K (<see cref="GateForm.Softmax16"/>) or from σ of 4 corner logits
/// (<see cref="GateForm.InputWise"/>). Tensors are created on the target device directly, so the layer never needs moving.
/// </summary>
public sealed class GateLayer : nn.Module<Tensor, Tensor>
{
    private readonly Parameter _logits;
    private readonly Parameter? _wireA;
    private readonly Parameter? _wireB;
    private readonly int[]? _fixedA;
    private readonly int[]? _fixedB;
    private readonly Tensor? _indexA;
    private readonly Tensor? _indexB;
    private readonly Tensor _table;

    /// <param name="residualBias">
    /// Residual initialisation: how far each neuron starts towards passing its input a through (added to the
    /// pass-through gate's logit; input-wise, to the corner logits of a, ±), so a deep net starts near identity.
    /// </param>
    public GateLayer(string name, int inputWidth, int width, Wiring wiring, SplitMix64 wiringRandom, double residualBias, Device device,
        GateForm form = GateForm.Softmax16, GateKernel kernel = GateKernel.Fused)
        : base(name)
    {
        if (inputWidth < 1 || width < 1) throw new ArgumentException($"gate layer needs positive widths, got {inputWidth} → {width}");
        InputWidth = inputWidth;
        Width = width;
        Wiring = wiring;
        Form = form;
        Tensor init;
        if (form == GateForm.InputWise)
        {
            // Corners 00, 01, 10, 11: pass-through a is 0, 0, 1, 1.
            init = randn(width, 4, device: device);
            if (residualBias != 0) init += tensor(new float[] { -1, -1, 1, 1 }, device: device) * residualBias;
        }
        else
        {
            init = randn(width, GateOps.Count, device: device) * 0.5;
            if (residualBias != 0) init[.., (int)GateOp.A] += residualBias;
        }
        _logits = new Parameter(init);
        register_parameter("logits", _logits);
        _table = GateRelaxation.CoefficientTable(device);
        register_buffer("table", _table);
        if (wiring == Wiring.FixedRandom)
        {
            (_fixedA, _fixedB) = RandomPairs(inputWidth, width, wiringRandom);
            _indexA = tensor(_fixedA.Select(i => (long)i).ToArray(), dtype: ScalarType.Int64, device: device);
            _indexB = tensor(_fixedB.Select(i => (long)i).ToArray(), dtype: ScalarType.Int64, device: device);
            register_buffer("index_a", _indexA);
            register_buffer("index_b", _indexB);
            Fused = kernel == GateKernel.Fused && device.type == DeviceType.CPU;
        }
        else
        {
            _wireA = new Parameter(randn(width, inputWidth, device: device) * 0.1);
            _wireB = new Parameter(randn(width, inputWidth, device: device) * 0.1);
            register_parameter("wire_a", _wireA);
            register_parameter("wire_b", _wireB);
        }
    }

    public int InputWidth { get; }

    /// <summary>When set, forward uses the argmax gates and wires (the hard circuit) with straight-through gradients.</summary>
    public bool StraightThrough { get; set; }

    public int Width { get; }

    public Wiring Wiring { get; }

    /// <summary>Learnable wiring: candidates each wire mixes in the forward pass (<see cref="GateRelaxation.SelectTopK"/>); 0 = all of them.</summary>
    public int WireTopK { get; set; }

    public GateForm Form { get; }

    /// <summary>The gate logits: [width, 16] (softmax form; tests set them one-hot) or [width, 4] corner logits (input-wise).</summary>
    public Parameter Logits => _logits;

    /// <summary>Wire selector logits [width, inputs] of input a and b; null with fixed wiring.</summary>
    public (Parameter A, Parameter B)? WireLogits => _wireA is null ? null : (_wireA, _wireB!);

    /// <summary>Whether this layer runs <see cref="FusedGateKernel"/> (fixed wiring on CPU, unless libtorch was asked for).</summary>
    public bool Fused { get; }

    /// <summary>
    /// Forward on neuron-major activations ([inputs, batch] → [width, batch]), the fused kernel's layout; a network
    /// of fused layers transposes once at each end instead of at every layer.
    /// </summary>
    public Tensor ForwardNeuronMajor(Tensor x) =>
        Fused ? FusedGateFunction.Apply(x, Coefficients(), _fixedA!, _fixedB!) : forward(x.t()).t();

    public override Tensor forward(Tensor x)
    {
        if (Fused) return ForwardNeuronMajor(x.t()).t();
        Tensor a, b;
        if (Wiring == Wiring.FixedRandom)
        {
            a = x.index_select(1, _indexA!);
            b = x.index_select(1, _indexB!);
        }
        else
        {
            a = x.matmul(GateRelaxation.SelectTopK(_wireA!, WireTopK, StraightThrough).t());
            b = x.matmul(GateRelaxation.SelectTopK(_wireB!, WireTopK, StraightThrough).t());
        }
        return GateRelaxation.Apply(a, b, Coefficients());
    }

    private Tensor Coefficients() => Form == GateForm.InputWise
        ? GateRelaxation.CornerCoefficients(_logits, StraightThrough)
        : GateRelaxation.Select(_logits, StraightThrough).matmul(_table);

    /// <summary>The same layer with the 16-function reference relaxation (tests and the speed comparison).</summary>
    public Tensor ForwardReference(Tensor x)
    {
        var a = Wiring == Wiring.FixedRandom ? x.index_select(1, _indexA!) : x.matmul(nn.functional.softmax(_wireA!, 1).t());
        var b = Wiring == Wiring.FixedRandom ? x.index_select(1, _indexB!) : x.matmul(nn.functional.softmax(_wireB!, 1).t());
        return Form == GateForm.InputWise ? GateRelaxation.ApplyCornerReference(a, b, _logits) : GateRelaxation.ApplyReference(a, b, _logits);
    }

    /// <summary>Discretises: argmax gate and argmax wires, as indices into this layer's inputs.</summary>
    public LayerChoices HardChoices()
    {
        using var scope = NewDisposeScope();
        var ops = Form == GateForm.InputWise
            ? CornerGates()
            : _logits.argmax(1).cpu().data<long>().ToArray().Select(o => GateOps.FromIndex((int)o)).ToArray();
        var a = _fixedA ?? _wireA!.argmax(1).cpu().data<long>().ToArray().Select(i => (int)i).ToArray();
        var b = _fixedB ?? _wireB!.argmax(1).cpu().data<long>().ToArray().Select(i => (int)i).ToArray();
        return new LayerChoices(InputWidth, ops, a, b, Wiring == Wiring.Learnable);
    }

    private GateOp[] CornerGates()
    {
        var corners = _logits.detach().cpu().data<float>().ToArray();
        return Enumerable.Range(0, Width).Select(j => GateRelaxation.CornerGate(corners.AsSpan(4 * j, 4))).ToArray();
    }

    /// <summary>Random input pairs, spreading the inputs evenly so that every input is read when width allows.</summary>
    private static (int[] A, int[] B) RandomPairs(int inputWidth, int width, SplitMix64 rng)
    {
        var pool = new List<int>();
        var a = new int[width];
        var b = new int[width];
        int Next()
        {
            if (pool.Count == 0)
            {
                pool.AddRange(Enumerable.Range(0, inputWidth));
                var shuffled = pool.ToArray();
                rng.Shuffle(shuffled);
                pool.Clear();
                pool.AddRange(shuffled);
            }
            int value = pool[^1];
            pool.RemoveAt(pool.Count - 1);
            return value;
        }
        for (int j = 0; j < width; j++)
        {
            a[j] = Next();
            b[j] = Next();
            if (inputWidth > 1 && b[j] == a[j]) b[j] = (a[j] + 1 + rng.Next(inputWidth - 1)) % inputWidth;
        }
        return (a, b);
    }
}
