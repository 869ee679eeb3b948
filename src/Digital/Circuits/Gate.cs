using LogicNets.Digital.Gates;

namespace LogicNets.Digital.Circuits;

/// <summary>One two-input gate of a hard circuit: a function of two earlier nodes.</summary>
public readonly record struct Gate(GateOp Op, int A, int B);
