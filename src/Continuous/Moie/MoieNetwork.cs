using LogicNets.Continuous.Spl;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Moie;

/// <summary>
/// A task's input bits as a token sequence: token t is x_t·e + e0 (a learned value direction and offset, so real
/// inputs embed too), then <c>depth</c> <see cref="MoieBlock"/>s with a PRC stream per SPL kind across blocks, a final
/// LayerNorm, and a linear readout over all tokens flattened (outputs depend on positions, e.g. carry bits).
/// </summary>
public sealed class MoieNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Linear _embedding;
    private readonly ModuleList<MoieBlock> _blocks = new();
    private readonly ModuleList<PrototypeResidualStream> _streams = new();
    private readonly LayerNorm _finalNorm;
    private readonly Linear _readout;

    public MoieNetwork(int inputWidth, int width, int depth, int outputWidth, SplOptions options) : base(nameof(MoieNetwork))
    {
        if (width < 2 || width % 2 != 0) throw new ArgumentException($"moie width must be even and >= 2 (rotary pairs), got {width}");
        if (depth < 1) throw new ArgumentException($"moie needs at least one block, got {depth}");
        _embedding = nn.Linear(1, width);
        for (int block = 0; block < depth; block++) _blocks.Add(new MoieBlock(width, options.AbsoluteCost, $"block{block}"));
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

    public override Tensor forward(Tensor input)
    {
        for (int kind = 0; kind < _streams.Count; kind++)
            _streams[kind].Feed(_blocks.Select(block => block.SparseLayers[kind]).ToList());
        var tokens = _embedding.forward(input.unsqueeze(-1));
        foreach (var block in _blocks) tokens = block.forward(tokens);
        return _readout.forward(_finalNorm.forward(tokens).flatten(1));
    }
}
