using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CsvHelper;

namespace LogicNets.Harness.Csv;

/// <summary>
/// A table row as a JSON object with exactly its CSV columns: the same names, the same text (written by the same
/// CSV writer), numbers and booleans as JSON numbers and booleans, empty fields as null. For <c>--json</c>.
/// </summary>
public static class RecordJson
{
    /// <summary>Writes <paramref name="rows"/> as one JSON array, or the single row as one object when <paramref name="single"/>.</summary>
    public static void Write<T>(TextWriter output, IReadOnlyList<T> rows, bool single = false)
    {
        if (single && rows.Count != 1) throw new ArgumentException($"one JSON object needs exactly one row, got {rows.Count}");
        var (header, values) = CsvFields(rows);
        var kinds = header.Select(column => KindOf(typeof(T), column)).ToArray();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            if (!single) json.WriteStartArray();
            foreach (var row in values)
            {
                json.WriteStartObject();
                for (int c = 0; c < header.Length; c++) WriteValue(json, header[c], row[c], kinds[c]);
                json.WriteEndObject();
            }
            if (!single) json.WriteEndArray();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private enum Kind { Text, Number, Boolean }

    /// <summary>The rows through the CSV writer the tables use, read back as text fields.</summary>
    private static (string[] Header, List<string[]> Values) CsvFields<T>(IReadOnlyList<T> rows)
    {
        var text = new StringWriter();
        using (var writer = CsvWriter.Create(text, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true))
            writer.WriteRecords(rows);
        using var reader = CsvReader.FromText(text.ToString());
        string[] header = reader.Headers.Select(name => name.Trim()).ToArray();
        var values = new List<string[]>();
        while (reader.Read()) values.Add(Enumerable.Range(0, header.Length).Select(i => reader.GetString(i)).ToArray());
        return (header, values);
    }

    private static Kind KindOf(Type type, string column)
    {
        var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.GetCustomAttribute<CsvColumnAttribute>()?.Name == column);
        var value = property is null ? typeof(string) : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (value == typeof(bool)) return Kind.Boolean;
        return value == typeof(int) || value == typeof(long) || value == typeof(double) || value == typeof(float) ? Kind.Number : Kind.Text;
    }

    private static void WriteValue(Utf8JsonWriter json, string name, string text, Kind kind)
    {
        if (text.Length == 0) { json.WriteNull(name); return; }
        switch (kind)
        {
            case Kind.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number):
                json.WriteNumber(name, number);
                break;
            case Kind.Boolean when bool.TryParse(text, out bool flag):
                json.WriteBoolean(name, flag);
                break;
            default:
                json.WriteString(name, text); // text, or a number JSON cannot hold (NaN, ∞) kept as its CSV text
                break;
        }
    }
}
