namespace LogicNets.Cli;

/// <summary>Checks, before any long work starts, that an output folder or file can be written.</summary>
public static class OutputPath
{
    public static string EnsureWritableDirectory(string directory)
    {
        string full = Path.GetFullPath(directory);
        try
        {
            if (File.Exists(full)) throw new UsageException($"output folder '{directory}' is an existing file");
            Directory.CreateDirectory(full);
            string probe = Path.Combine(full, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write to output folder '{directory}': {e.Message}");
        }
    }

    public static string EnsureWritableFile(string file)
    {
        string full = Path.GetFullPath(file);
        if (Directory.Exists(full)) throw new UsageException($"output file '{file}' is an existing folder");
        EnsureWritableDirectory(Path.GetDirectoryName(full)!);
        return full;
    }
}
