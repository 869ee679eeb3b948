using static TorchSharp.torch;

namespace LogicNets.Continuous.Spl;

/// <summary>
/// The data start of SPL prototypes (<see cref="PrototypeStart"/>): each expert's effective prototype — or only each
/// silent expert's — is put on a row of what its layer sees for a batch, minus the batch's mean row (or less of it
/// where the whole mean would turn it away from its own row). Centred, a prototype fires on the rows on its side of
/// the mean — about half, and always its own — where an uncentred row would fire on nearly every row of a layer whose
/// inputs share a direction (block 0 of moie: measured activation 1.0 in every block-0 layer, the masks then no
/// non-linearity at all).
/// </summary>
public static class PrototypeSeeding
{
    /// <summary>
    /// Seeds the layers of <paramref name="passes"/> with one no-grad forward pass of <paramref name="batch"/> per pass;
    /// within a pass the layers are listed in the network's forward order and each seeds itself on its input before
    /// it computes, so a layer is seeded on what the already seeded layers before it produce. A layer whose input
    /// depends on layers seeded in the same pass in another way — moie's PRC residuals, computed from the earlier
    /// blocks' prototypes when a pass begins — belongs to a later pass. With <paramref name="silentOnly"/> only the
    /// experts that fire on no row of what their layer sees are moved. Draws come from <paramref name="generator"/>
    /// (torch's default when null), layer after layer. Leaves the network in training mode.
    /// </summary>
    public static void Seed(nn.Module<Tensor, Tensor> network, IReadOnlyList<IReadOnlyList<SparseProtoLinear>> passes, Tensor batch,
        Generator? generator = null, bool silentOnly = false)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        network.eval();
        try
        {
            foreach (var pass in passes)
            {
                foreach (var layer in pass) layer.SeedOnNextForward(generator, silentOnly);
                network.forward(batch);
                if (pass.FirstOrDefault(layer => layer.SeedingPending) is { } missed)
                    throw new InvalidOperationException($"SPL {missed.GetName()} was not run by the network's forward pass: it cannot be seeded");
            }
        }
        finally
        {
            network.train();
        }
    }
}
