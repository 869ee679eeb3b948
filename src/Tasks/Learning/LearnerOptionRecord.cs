using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace LogicNets.Tasks.Learning;

/// <summary>One learner-specific option as users see it: <c>--set key=value</c>, its type, default and meaning.</summary>
public sealed record LearnerOption(string Key, string Type, string Default, string Description);

/// <summary>
/// A learner's options record (e.g. SplOptions) read as <c>key=value</c> settings. The record is the one place its
/// defaults live; keys are its property names in kebab case (<c>AdaptiveL2</c> → <c>adaptive-l2</c>), values are
/// parsed by the property's type (number, integer, true/false, or an enum member in kebab case). The canonical text
/// (<see cref="Canonical"/>) is sorted and invariant, so equal settings always read and hash alike.
/// </summary>
public static class LearnerOptionRecord
{
    /// <summary>The options a record type declares, in declaration order.</summary>
    public static IReadOnlyList<LearnerOption> Describe(Type recordType)
    {
        object defaults = Activator.CreateInstance(recordType)!;
        return Properties(recordType).Select(p => new LearnerOption(
            Key(p), TypeText(p.PropertyType), Format(p.GetValue(defaults)!),
            p.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "")).ToList();
    }

    /// <summary>
    /// A short fingerprint of every option's default (the first 8 hex digits of the SHA-256 of <c>key=value;…</c>, sorted
    /// by key): two builds whose defaults differ give different fingerprints, so a run row can say which defaults made it.
    /// </summary>
    public static string DefaultsFingerprint(Type recordType)
    {
        string text = string.Join(";", Describe(recordType).OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Default}"));
        return Definitions.StableHash.Sha256Hex(text, 8);
    }

    /// <summary>
    /// Validates <c>key=value</c> pairs against the record and returns their canonical text ("" for none).
    /// Throws <see cref="UserInputException"/> naming the model and the valid keys or values.
    /// </summary>
    public static string Canonical(Type recordType, string model, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var byKey = Properties(recordType).ToDictionary(Key);
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rawKey, rawValue) in pairs)
        {
            string key = rawKey.Trim().ToLowerInvariant();
            if (!byKey.TryGetValue(key, out var property))
                throw new UserInputException($"{model} has no option '{rawKey}'; its options: {string.Join(", ", byKey.Keys)}");
            values[key] = Format(ParseValue(property, rawValue.Trim(), model));
        }
        return string.Join(";", values.Select(pair => $"{pair.Key}={pair.Value}"));
    }

    /// <summary>The record with the canonical settings applied over its defaults.</summary>
    public static T Bind<T>(string canonical, string model) where T : new()
    {
        var record = new T();
        var byKey = Properties(typeof(T)).ToDictionary(Key);
        foreach (var (key, value) in Parse(canonical))
        {
            if (!byKey.TryGetValue(key, out var property))
                throw new UserInputException($"{model} has no option '{key}'; its options: {string.Join(", ", byKey.Keys)}");
            property.SetValue(record, ParseValue(property, value, model));
        }
        return record;
    }

    /// <summary>The pairs of a canonical (or hand-written) text <c>k=v;k=v</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Parse(string text)
    {
        foreach (string part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0) throw new UserInputException($"option '{part}' is not key=value");
            yield return new(part[..eq].Trim(), part[(eq + 1)..].Trim());
        }
    }

    private static IEnumerable<PropertyInfo> Properties(Type recordType) =>
        recordType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.Name != "EqualityContract");

    private static string Key(PropertyInfo property) => Kebab(property.Name);

    private static string Kebab(string name)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            // A capital after a lower-case letter or a digit starts a word: AdaptiveL2 → adaptive-l2, MetaLearningRate → meta-learning-rate.
            if (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]))) text.Append('-');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }

    private static string TypeText(Type type) =>
        type == typeof(double) ? "number" : type == typeof(int) ? "integer" : type == typeof(bool) ? "true|false"
        : type.IsEnum ? string.Join("|", Enum.GetNames(type).Select(Kebab)) : type.Name;

    private static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => Kebab(e.ToString()),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static object ParseValue(PropertyInfo property, string value, string model)
    {
        Type type = property.PropertyType;
        string expected = TypeText(type);
        object? parsed = type == typeof(double) ? double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? d : null
            : type == typeof(int) ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) ? i : null
            : type == typeof(bool) ? value.ToLowerInvariant() switch { "true" => true, "false" => false, _ => null }
            : type.IsEnum ? Enum.GetValues(type).Cast<object>().FirstOrDefault(member => Kebab(member.ToString()!) == value.ToLowerInvariant())
            : null;
        return parsed ?? throw new UserInputException($"{model} option {Key(property)}: '{value}' is not {expected}");
    }
}
