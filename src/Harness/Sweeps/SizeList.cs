using LogicNets.Tasks;
using System.Globalization;

namespace LogicNets.Harness.Sweeps;

/// <summary>Parses model-size lists: <c>16,32,64</c>, <c>16..1024:x2</c> (geometric) or <c>8..64:+8</c> (arithmetic).</summary>
public static class SizeList
{
    public const string ValidForms = "a list 16,32,64, a geometric range 16..1024:x2, or an arithmetic range 8..64:+8 (positive whole numbers)";

    public static IReadOnlyList<int> Parse(string text)
    {
        var sizes = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.Contains(".."))
                sizes.AddRange(Range(part));
            else
                sizes.Add(Positive(part, text));
        }
        if (sizes.Count == 0) throw Invalid(text);
        return sizes.Distinct().ToArray();
    }

    private static IEnumerable<int> Range(string part)
    {
        string[] bounds = part.Split("..");
        string[] tail = bounds.Length == 2 ? bounds[1].Split(':') : [];
        if (bounds.Length != 2 || tail.Length != 2 || tail[1].Length < 2) throw Invalid(part);
        int low = Positive(bounds[0], part), high = Positive(tail[0], part);
        int step = Positive(tail[1][1..], part);
        if (low > high) throw new UserInputException($"size range '{part}' runs backwards; {ValidForms}");
        var values = new List<int>();
        switch (tail[1][0])
        {
            case 'x' or 'X' when step >= 2:
                for (long v = low; v <= high; v *= step) values.Add((int)v);
                break;
            case '+':
                for (long v = low; v <= high; v += step) values.Add((int)v);
                break;
            default:
                throw Invalid(part);
        }
        return values;
    }

    private static int Positive(string text, string context) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : throw Invalid(context);

    private static UserInputException Invalid(string text) => new($"invalid size list '{text}'; expected {ValidForms}");
}
