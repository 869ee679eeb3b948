using LogicNets.Tasks;
namespace LogicNets.Digital.Gates;

/// <summary>
/// One of the 16 two-input Boolean functions, in difflogic's order. The value is the truth table itself:
/// bit 3 is f(0,0), bit 2 is f(0,1), bit 1 is f(1,0) and bit 0 is f(1,1) — so AND = 0001, XOR = 0110, NAND = 1110.
/// Everything else about a gate (relaxation, bit-parallel masks, symmetry, names, export syntax) is in
/// <see cref="GateOps"/> and derived from that table.
/// </summary>
public enum GateOp : byte
{
    False = 0b0000,
    And = 0b0001,
    AAndNotB = 0b0010,
    A = 0b0011,
    NotAAndB = 0b0100,
    B = 0b0101,
    Xor = 0b0110,
    Or = 0b0111,
    Nor = 0b1000,
    Xnor = 0b1001,
    NotB = 0b1010,
    AOrNotB = 0b1011,
    NotA = 0b1100,
    NotAOrB = 0b1101,
    Nand = 0b1110,
    True = 0b1111,
}

/// <summary>The 16-gate table: truth values, the relaxation, ANF masks, predicates, file names and export syntax of each <see cref="GateOp"/>.</summary>
public static class GateOps
{
    public const int Count = 16;

    /// <summary>Every gate, in order (index = value).</summary>
    public static IReadOnlyList<GateOp> All { get; } = Enumerable.Range(0, Count).Select(i => (GateOp)i).ToArray();

    /// <summary>Names in circuit files (<c>circuit.json</c>); part of the file format, so spelled out rather than derived.</summary>
    private static readonly string[] Names =
        ["FALSE", "AND", "A_AND_NOT_B", "A", "NOT_A_AND_B", "B", "XOR", "OR", "NOR", "XNOR", "NOT_B", "A_OR_NOT_B", "NOT_A", "NOT_A_OR_B", "NAND", "TRUE"];

    /// <summary>The gate with index <paramref name="index"/> (0..15): an argmax over 16 logits, a random draw.</summary>
    public static GateOp FromIndex(int index) =>
        index is >= 0 and < Count ? (GateOp)index : throw new ArgumentOutOfRangeException(nameof(index), index, "gate indices are 0..15");

    public static bool IsDefined(GateOp op) => (int)op < Count;

    /// <summary>f(a, b), read from the truth table.</summary>
    public static bool Apply(this GateOp op, bool a, bool b) => (((int)op >> (3 - (a ? 2 : 0) - (b ? 1 : 0))) & 1) != 0;

    /// <summary>The gate on 64 samples at once, in algebraic normal form.</summary>
    public static ulong Apply(this GateOp op, ulong a, ulong b)
    {
        var (k0, k1, k2, k3) = op.AnfMasks();
        return k0 ^ (k1 & a) ^ (k2 & b) ^ (k3 & a & b);
    }

    /// <summary>ANF masks (k0, k1, k2, k3) as all-zero or all-one words: f = k0 ⊕ k1·a ⊕ k2·b ⊕ k3·ab.</summary>
    public static (ulong K0, ulong K1, ulong K2, ulong K3) AnfMasks(this GateOp op)
    {
        var (f00, f01, f10, f11) = op.Truth();
        static ulong Mask(bool bit) => bit ? ulong.MaxValue : 0;
        return (Mask(f00), Mask(f00 ^ f10), Mask(f00 ^ f01), Mask(f00 ^ f01 ^ f10 ^ f11));
    }

    /// <summary>
    /// (c0, c1, c2, c3) of the relaxation c0 + c1·a + c2·b + c3·ab: the gate's expectation on independent Bernoulli
    /// inputs, which equals the hard gate at the corners.
    /// </summary>
    public static (float C0, float C1, float C2, float C3) Coefficients(this GateOp op)
    {
        var (f00, f01, f10, f11) = op.Truth();
        float v00 = f00 ? 1 : 0, v01 = f01 ? 1 : 0, v10 = f10 ? 1 : 0, v11 = f11 ? 1 : 0;
        return (v00, v10 - v00, v01 - v00, v11 - v10 - v01 + v00);
    }

    /// <summary>f(0,0), f(0,1), f(1,0), f(1,1).</summary>
    public static (bool F00, bool F01, bool F10, bool F11) Truth(this GateOp op) =>
        (op.Apply(false, false), op.Apply(false, true), op.Apply(true, false), op.Apply(true, true));

    /// <summary>Whether the output depends on input A / input B.</summary>
    public static (bool UsesA, bool UsesB) Dependencies(this GateOp op)
    {
        var (f00, f01, f10, f11) = op.Truth();
        return (f00 != f10 || f01 != f11, f00 != f01 || f10 != f11);
    }

    /// <summary>f(a, b) = f(b, a): the inputs may be swapped (simplification orders them).</summary>
    public static bool IsSymmetric(this GateOp op) => op.Apply(false, true) == op.Apply(true, false);

    public static bool IsConstant(this GateOp op) => op is GateOp.False or GateOp.True;

    public static bool IsPassThrough(this GateOp op) => op is GateOp.A or GateOp.B;

    /// <summary>Gates that compute something: constants and pass-throughs are wiring, not logic.</summary>
    public static bool Computes(this GateOp op) => !op.IsConstant() && !op.IsPassThrough();

    /// <summary>The gate's name in circuit files.</summary>
    public static string Name(this GateOp op) => Names[(int)op];

    public static GateOp Parse(string name)
    {
        int index = Array.FindIndex(Names, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? (GateOp)index : throw new UserInputException($"unknown gate '{name}'; valid gates: {string.Join(", ", Names)}");
    }

    /// <summary>The gate as a bitwise expression in Verilog or C syntax (<c>~ &amp; | ^</c>), with the language's constants.</summary>
    public static string Expression(this GateOp op, string a, string b, string zero, string one) => op switch
    {
        GateOp.False => zero,
        GateOp.And => $"{a} & {b}",
        GateOp.AAndNotB => $"{a} & ~{b}",
        GateOp.A => a,
        GateOp.NotAAndB => $"~{a} & {b}",
        GateOp.B => b,
        GateOp.Xor => $"{a} ^ {b}",
        GateOp.Or => $"{a} | {b}",
        GateOp.Nor => $"~({a} | {b})",
        GateOp.Xnor => $"~({a} ^ {b})",
        GateOp.NotB => $"~{b}",
        GateOp.AOrNotB => $"{a} | ~{b}",
        GateOp.NotA => $"~{a}",
        GateOp.NotAOrB => $"~{a} | {b}",
        GateOp.Nand => $"~({a} & {b})",
        GateOp.True => one,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not one of the 16 gates"),
    };
}
