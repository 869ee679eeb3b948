using LogicNets.Continuous.Spl;
using static TorchSharp.torch;

namespace LogicNets.Continuous.Moie;

/// <summary>Runs an SPL on every token: SPL layers (and M-SAPS, which reads their last input) work on [rows, features].</summary>
public static class TokenWise
{
    /// <summary>
    /// [batch, tokens, in] → [batch, tokens, out], each (batch, token) row an independent SPL input; the fused node takes
    /// the tokens as they are (two view operations and their backward passes fewer per layer and step).
    /// </summary>
    public static Tensor Apply(SparseProtoLinear layer, Tensor tokens) => layer.RunsFused(tokens)
        ? layer.forward(tokens)
        : layer.forward(tokens.reshape(-1, tokens.shape[^1])).reshape(tokens.shape[0], tokens.shape[1], layer.OutputWidth);
}
