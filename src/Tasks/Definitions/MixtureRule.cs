namespace LogicNets.Tasks.Definitions;

/// <summary>One pure rule of a mixture: a Boolean function of its own group of hidden input bits.</summary>
public sealed record MixtureRule(MixtureRuleKind Kind, int Width)
{
    public static readonly string ValidForms =
        "xorW (W>=2), andW (W>=2), orW (W>=2), majW (odd W>=3), addW (carry-out of two W-bit operands, W>=1)";

    /// <summary>How many input bits the rule reads.</summary>
    public int InputBits => Kind == MixtureRuleKind.Add ? 2 * Width : Width;

    public string Name => $"{(Kind == MixtureRuleKind.Majority ? "maj" : Kind.ToString().ToLowerInvariant())}{Width}";

    public static MixtureRule Parse(string text)
    {
        int digits = 0;
        while (digits < text.Length && char.IsLetter(text[digits])) digits++;
        string word = text[..digits].ToLowerInvariant();
        if (!int.TryParse(text[digits..], System.Globalization.NumberStyles.None, null, out int width))
            throw new TaskSpecException($"mixture rule '{text}' needs a width; valid rules: {ValidForms}");
        var kind = word switch
        {
            "xor" => MixtureRuleKind.Xor,
            "and" => MixtureRuleKind.And,
            "or" => MixtureRuleKind.Or,
            "maj" => MixtureRuleKind.Majority,
            "add" => MixtureRuleKind.Add,
            _ => throw new TaskSpecException($"unknown mixture rule '{word}'; valid rules: {ValidForms}"),
        };
        bool valid = kind switch
        {
            MixtureRuleKind.Majority => width >= 3 && width % 2 == 1,
            MixtureRuleKind.Add => width >= 1,
            _ => width >= 2,
        };
        if (!valid) throw new TaskSpecException($"mixture rule '{text}' has an invalid width; valid rules: {ValidForms}");
        return new MixtureRule(kind, width);
    }

    /// <summary>Evaluates the rule on its bits (in group order).</summary>
    public byte Evaluate(ReadOnlySpan<byte> bits)
    {
        int ones = 0;
        foreach (byte b in bits) ones += b;
        return Kind switch
        {
            MixtureRuleKind.Xor => (byte)(ones & 1),
            MixtureRuleKind.And => (byte)(ones == Width ? 1 : 0),
            MixtureRuleKind.Or => (byte)(ones > 0 ? 1 : 0),
            MixtureRuleKind.Majority => (byte)(2 * ones > Width ? 1 : 0),
            MixtureRuleKind.Add => (byte)((BitWord.Read(bits[..Width]) + BitWord.Read(bits[Width..])) >> Width),
            _ => throw new InvalidOperationException($"unhandled rule kind {Kind}"),
        };
    }
}

/// <summary>The pure rules a mixture can be made of.</summary>
public enum MixtureRuleKind { Xor, And, Or, Majority, Add }
