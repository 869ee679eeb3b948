using System.ComponentModel;
using LogicNets.Continuous.Spl;

namespace LogicNets.Continuous.Moie;

/// <summary>
/// <c>moie</c>'s options: the SPL knobs with the defaults measured for its twelve SPLs, and its token embedding.
/// </summary>
/// <remarks>
/// With the design's defaults 86–89 % of moie's experts end silent and it stays at chance on parity:16:3; silent experts
/// never learn again (ReLU passes the loss nothing, M-SAPS nothing either, since neither surprise nor anchor exists for
/// them). The loss through every row's mask and the firing floor keep them alive; position vectors let block 0's
/// experts tell the bits apart (docs/evaluations/sparse). M-SAPS is off: with it, moie's training score peaks and then
/// falls (add:6 0.855–0.942 test bit accuracy, seeds 1–5); without it 0.963–1.000, and parity:16:3 is exact on every
/// seed in a quarter of the epochs (docs/evaluations/README.md, "M-SAPS off"). Prototypes and gates are frozen
/// (meta learning rate 0) where they start, and an expert silent on a first batch starts on one of its inputs: learning
/// them through the straight-through masks is what still made training diverge (add:6 seed 1: 0.788 learned, 0.9996
/// frozen), and the data start removes the experts that were dead from initialisation (docs/evaluations/README.md,
/// "Frozen routing"). The gradient's norm is clipped to 1: at learning rate 3·10⁻³ some runs rose fast and then lost
/// their fit for good (add:6 seed 5: training score 0.92 at epoch 37, never better in 450 more epochs; with the clip it
/// fits every row), and two parity:16:3 runs ended with an expert silent; the clip removed both on every seed
/// (docs/evaluations/README.md, "Gradient clip"). On CPU, up to width 32, its SPLs, attention, layer norms and Adam
/// step run as fused kernels: the same functions to float rounding at under half libtorch's cost at width 8 (wider,
/// libtorch's matrix products catch up; BENCHMARKS.md); other devices run libtorch.
/// </remarks>
public sealed record MoieOptions : SplOptions
{
    public MoieOptions()
    {
        MaskGradient = MaskGradient.Every;
        Balance = 1;
        Msaps = false;
        Anneal = false; // measured: annealing left seed 3 of parity:16:3 at 0.80, without it exact
        MetaLearningRate = 0;
        PrototypeStart = PrototypeStart.RandomOrInputs;
        GradientClip = 1;
        Kernel = SplKernel.Auto;
    }

    [Description("add a learned position vector to each bit's token (off: the design's tokens, equal for equal bits until attention mixes them)")]
    public bool AbsolutePositions { get; init; } = true;
}
