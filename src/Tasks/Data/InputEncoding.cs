namespace LogicNets.Tasks.Data;

/// <summary>How bits are presented to a learner: 0/1 or ±1.</summary>
public enum InputEncoding { ZeroOne, PlusMinusOne }

/// <summary>Parsing and applying <see cref="InputEncoding"/>.</summary>
public static class InputEncodings
{
    public const string ValidForms = "01, pm1";

    public static InputEncoding Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "01" => InputEncoding.ZeroOne,
        "pm1" => InputEncoding.PlusMinusOne,
        _ => throw new UserInputException($"unknown encoding '{text}'; valid: {ValidForms}"),
    };

    public static string Name(this InputEncoding encoding) => encoding == InputEncoding.ZeroOne ? "01" : "pm1";

    /// <summary>Encodes 0/1 values (a copy); real-valued data passes unchanged.</summary>
    public static float[] Encode(this InputEncoding encoding, float[] bits) =>
        encoding == InputEncoding.ZeroOne ? bits : Array.ConvertAll(bits, b => 2 * b - 1);
}
