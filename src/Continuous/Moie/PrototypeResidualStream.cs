using LogicNets.Continuous.Kernels;
using LogicNets.Continuous.Spl;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Moie;

/// <summary>
/// PRC, one per SPL kind (the Q projections of all blocks, their K projections, …): block 0 uses its own prototypes,
/// block b uses p_eff,b = p_b + LN(T·p_eff,b−1). T [experts × experts] mixes the previous block's prototypes and
/// starts as the identity, LN normalises each prototype row; so a later block starts from what earlier blocks
/// learned to recognise and only learns a correction.
/// </summary>
public sealed class PrototypeResidualStream : nn.Module
{
    private readonly Parameter _transform;
    private readonly LayerNorm _norm;
    private readonly bool _fused;

    /// <summary><paramref name="fused"/>: the layer norm through <see cref="LayerNormFunction"/> on CPU.</summary>
    public PrototypeResidualStream(int experts, int inputWidth, string name, bool fused = false) : base(name)
    {
        _fused = fused;
        _transform = new Parameter(eye(experts));
        _norm = nn.LayerNorm(inputWidth);
        RegisterComponents();
    }

    /// <summary>Sets each layer's prototype residual for the next forward pass; the layers are this kind's, block by block.</summary>
    public void Feed(IReadOnlyList<SparseProtoLinear> layers)
    {
        layers[0].UsePrototypeResidual(null);
        var previous = layers[0].EffectivePrototype;
        for (int block = 1; block < layers.Count; block++)
        {
            layers[block].UsePrototypeResidual(LayerNormFunction.Apply(_norm, _transform.matmul(previous), _fused));
            previous = layers[block].EffectivePrototype;
        }
    }
}
