using System.IO.Compression;

namespace LogicNets.Tasks.Tables;

/// <summary>Opens a data file as text, gunzipping it when it starts with the gzip magic bytes (whatever its name).</summary>
public static class TableText
{
    public static TextReader Open(string path)
    {
        if (Directory.Exists(path)) throw new TableFileException(path, null, "is a folder, not a data file");
        if (!File.Exists(path)) throw new TableFileException(path, null, "does not exist");
        var stream = File.OpenRead(path);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            int read = stream.Read(magic);
            stream.Position = 0;
            Stream text = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            return new StreamReader(text);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads every line, turning a broken gzip stream into a file error.</summary>
    public static IEnumerable<string> Lines(string path)
    {
        using var reader = Open(path);
        while (true)
        {
            string? line;
            try { line = reader.ReadLine(); }
            catch (InvalidDataException e) { throw new TableFileException(path, null, $"is not a valid gzip file ({e.Message})"); }
            if (line is null) yield break;
            yield return line;
        }
    }
}
