namespace LogicNets.Digital.Export;

/// <summary>How each of the 16 gates is written in a bitwise expression language (Verilog, C).</summary>
internal static class GateSyntax
{
    public static string Expression(int op, string a, string b, string zero, string one) => op switch
    {
        0 => zero,
        1 => $"{a} & {b}",
        2 => $"{a} & ~{b}",
        3 => a,
        4 => $"~{a} & {b}",
        5 => b,
        6 => $"{a} ^ {b}",
        7 => $"{a} | {b}",
        8 => $"~({a} | {b})",
        9 => $"~({a} ^ {b})",
        10 => $"~{b}",
        11 => $"{a} | ~{b}",
        12 => $"~{a}",
        13 => $"~{a} | {b}",
        14 => $"~({a} & {b})",
        15 => one,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "gate ops are 0..15"),
    };
}
