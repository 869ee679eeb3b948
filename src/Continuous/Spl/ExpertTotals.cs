namespace LogicNets.Continuous.Spl;

/// <summary>
/// One batch's totals per expert of an SPL layer, summed on the host where the fused kernel ran: rows it fired on, and
/// its cost (|x·g| or x·g) summed over the rows. <see cref="SparseLayerStats"/> adds them instead of reducing the
/// batch's mask and cost tensors.
/// </summary>
public sealed record ExpertTotals(double[] Firing, double[] Cost);
