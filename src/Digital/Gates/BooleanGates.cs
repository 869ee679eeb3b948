namespace LogicNets.Digital.Gates;

/// <summary>
/// The 16 two-input Boolean functions, in difflogic's order. Each is written two ways:
/// <list type="bullet">
/// <item>as its expectation on independent Bernoulli inputs, c0 + c1·a + c2·b + c3·ab (the relaxation; exact at the corners);</item>
/// <item>in algebraic normal form, k0 ⊕ k1·a ⊕ k2·b ⊕ k3·ab (branch-free bit-parallel evaluation).</item>
/// </list>
/// </summary>
public static class BooleanGates
{
    public const int Count = 16;

    /// <summary>Gate 3 passes its first input through: residual initialisation biases toward it.</summary>
    public const int PassA = 3;

    public static readonly IReadOnlyList<string> Names =
        ["FALSE", "AND", "A_AND_NOT_B", "A", "NOT_A_AND_B", "B", "XOR", "OR", "NOR", "XNOR", "NOT_B", "A_OR_NOT_B", "NOT_A", "NOT_A_OR_B", "NAND", "TRUE"];

    /// <summary>Row g: (c0, c1, c2, c3) of gate g's relaxation.</summary>
    public static readonly float[,] Coefficients =
    {
        { 0, 0, 0, 0 },   // FALSE
        { 0, 0, 0, 1 },   // AND        ab
        { 0, 1, 0, -1 },  // A∧¬B       a − ab
        { 0, 1, 0, 0 },   // A
        { 0, 0, 1, -1 },  // ¬A∧B       b − ab
        { 0, 0, 1, 0 },   // B
        { 0, 1, 1, -2 },  // XOR        a + b − 2ab
        { 0, 1, 1, -1 },  // OR         a + b − ab
        { 1, -1, -1, 1 }, // NOR
        { 1, -1, -1, 2 }, // XNOR
        { 1, 0, -1, 0 },  // ¬B
        { 1, 0, -1, 1 },  // A∨¬B
        { 1, -1, 0, 0 },  // ¬A
        { 1, -1, 0, 1 },  // ¬A∨B
        { 1, 0, 0, -1 },  // NAND
        { 1, 0, 0, 0 },   // TRUE
    };

    /// <summary>Hard value of gate <paramref name="gate"/> on bits: the relaxation at a corner.</summary>
    public static bool Apply(int gate, bool a, bool b)
    {
        float x = a ? 1 : 0, y = b ? 1 : 0;
        return Coefficients[gate, 0] + Coefficients[gate, 1] * x + Coefficients[gate, 2] * y + Coefficients[gate, 3] * x * y > 0.5f;
    }

    /// <summary>ANF masks (k0, k1, k2, k3) of a gate as all-zero or all-one words.</summary>
    public static (ulong K0, ulong K1, ulong K2, ulong K3) AnfMasks(int gate)
    {
        bool f00 = Apply(gate, false, false), f10 = Apply(gate, true, false), f01 = Apply(gate, false, true), f11 = Apply(gate, true, true);
        static ulong Mask(bool bit) => bit ? ulong.MaxValue : 0;
        return (Mask(f00), Mask(f00 ^ f10), Mask(f00 ^ f01), Mask(f00 ^ f01 ^ f10 ^ f11));
    }

    /// <summary>Gate applied to 64 samples at once.</summary>
    public static ulong Apply(int gate, ulong a, ulong b)
    {
        var (k0, k1, k2, k3) = AnfMasks(gate);
        return k0 ^ (k1 & a) ^ (k2 & b) ^ (k3 & a & b);
    }

    /// <summary>Whether the gate's output depends on input A / input B.</summary>
    public static (bool UsesA, bool UsesB) Dependencies(int gate)
    {
        bool usesA = Apply(gate, false, false) != Apply(gate, true, false) || Apply(gate, false, true) != Apply(gate, true, true);
        bool usesB = Apply(gate, false, false) != Apply(gate, false, true) || Apply(gate, true, false) != Apply(gate, true, true);
        return (usesA, usesB);
    }

    public static int Parse(string name)
    {
        for (int g = 0; g < Count; g++)
            if (Names[g].Equals(name, StringComparison.OrdinalIgnoreCase)) return g;
        throw new FormatException($"unknown gate '{name}'; valid gates: {string.Join(", ", Names)}");
    }
}
