using LogicNets.Continuous.Kernels;
using LogicNets.Continuous.Spl;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Moie;

/// <summary>
/// A task's input bits as a token sequence: token t is x_t·e + e0 (a learned value direction and offset, so real
/// inputs embed too) plus, by default, a learned position vector P_t (<see cref="MoieOptions.AbsolutePositions"/>;
/// without it block 0 sees one vector per bit value, so each of its experts can only fire on all zeros, all ones,
/// both or neither), then <c>depth</c> <see cref="MoieBlock"/>s with a PRC stream per SPL kind across blocks, a final
/// LayerNorm, and a linear readout over all tokens flattened (outputs depend on positions, e.g. carry bits).
/// </summary>
public sealed class MoieNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Linear _embedding;
    private readonly ModuleList<MoieBlock> _blocks = new();
    private readonly ModuleList<PrototypeResidualStream> _streams = new();
    private readonly LayerNorm _finalNorm;
    private readonly Linear _readout;
    private readonly Parameter? _positions;
    private readonly bool _fused;

    public MoieNetwork(int inputWidth, int width, int depth, int outputWidth, MoieOptions options) : base(nameof(MoieNetwork))
    {
        if (width < 2 || width % 2 != 0) throw new ArgumentException($"moie width must be even and >= 2 (rotary pairs), got {width}");
        if (depth < 1) throw new ArgumentException($"moie needs at least one block, got {depth}");
        options = (MoieOptions)options.ResolveKernel(width);
        _fused = options.Kernel == SplKernel.Fused;
        _embedding = nn.Linear(1, width);
        if (options.AbsolutePositions) _positions = new Parameter(randn(inputWidth, width) * 0.1);
        for (int block = 0; block < depth; block++) _blocks.Add(new MoieBlock(width, options, $"block{block}"));
        if (depth > 1)
        {
            var first = _blocks[0].SparseLayers;
            for (int kind = 0; kind < first.Count; kind++)
                _streams.Add(new PrototypeResidualStream(first[kind].OutputWidth, first[kind].InputWidth, $"prc_{MoieBlock.Kinds[kind]}"));
        }
        _finalNorm = nn.LayerNorm(width);
        _readout = nn.Linear((long)inputWidth * width, outputWidth);
        RegisterComponents();
    }

    public IReadOnlyList<MoieBlock> Blocks => [.. _blocks];

    /// <summary>Every SPL with a name for the statistics table: block index and kind, e.g. <c>b1.q</c>.</summary>
    public IReadOnlyList<(string Name, SparseProtoLinear Layer)> SparseLayers =>
        _blocks.SelectMany((block, index) => block.SparseLayers.Select((layer, kind) => ($"b{index}.{MoieBlock.Kinds[kind]}", layer))).ToList();

    /// <summary>
    /// All SPLs in forward order as one seeding pass (<see cref="PrototypeSeeding.Seed"/>): a block's PRC residuals are
    /// computed from the blocks before it as it begins, so in one pass each layer is seeded on what the seeded layers
    /// before it produce — the prototypes a pass per layer gives (MoieTests), at a twelfth of the cost.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<SparseProtoLinear>> SeedingPasses => [SparseLayers.Select(entry => entry.Layer).ToList()];

    public override Tensor forward(Tensor input)
    {
        var tokens = _embedding.forward(input.unsqueeze(-1));
        if (_positions is not null) tokens = tokens + _positions;
        for (int block = 0; block < _blocks.Count; block++)
        {
            for (int kind = 0; kind < _streams.Count; kind++)
                _streams[kind].Feed(_blocks.Select(b => b.SparseLayers[kind]).ToList(), block);
            tokens = _blocks[block].forward(tokens);
        }
        return _readout.forward(LayerNormFunction.Apply(_finalNorm, tokens, _fused).flatten(1));
    }
}
