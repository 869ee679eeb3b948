namespace LogicNets.Digital.Circuits;

/// <summary>One two-input gate of a hard circuit: a function (0..15, see BooleanGates) of two earlier nodes.</summary>
public readonly record struct Gate(int Op, int A, int B);
