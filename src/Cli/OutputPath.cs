namespace LogicNets.Cli;

/// <summary>Checks, before any long work starts, that an output folder or file can be written, and never overwrites without --force.</summary>
public static class OutputPath
{
    /// <summary>The <c>--force</c> option of every command that writes results.</summary>
    public static System.CommandLine.Option<bool> ForceOption(string what) => new("--force") { Description = $"replace {what} if it exists (without it an existing one is never overwritten)" };

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

    /// <summary>
    /// A writable folder that holds none of <paramref name="owned"/> (file names, or sub-folders whose pictures the
    /// command draws). With <paramref name="force"/> those are removed first, so no stale file of an earlier run
    /// stays beside the new ones; without it an existing one refuses the command before any work.
    /// </summary>
    public static string ClaimDirectory(string directory, IReadOnlyList<string> owned, bool force, string what)
    {
        string full = EnsureWritableDirectory(directory);
        var present = owned.Where(name => File.Exists(Path.Combine(full, name)) || Directory.Exists(Path.Combine(full, name))).ToArray();
        if (present.Length == 0) return full;
        if (!force)
            throw new UsageException($"'{directory}' already holds {what} ({string.Join(", ", present)}); pass --force to replace it, or choose another --out");
        foreach (string name in present)
        {
            string path = Path.Combine(full, name);
            if (File.Exists(path)) File.Delete(path);
            else foreach (string picture in Directory.EnumerateFiles(path, "*.png")) File.Delete(picture);
        }
        return full;
    }

    /// <summary>A writable file path that does not exist yet, unless <paramref name="force"/>.</summary>
    public static string ClaimFile(string file, bool force)
    {
        string full = EnsureWritableFile(file);
        if (File.Exists(full) && !force) throw new UsageException($"'{file}' already exists; pass --force to replace it, or choose another --out");
        return full;
    }

    public static string EnsureWritableFile(string file)
    {
        string full = Path.GetFullPath(file);
        if (Directory.Exists(full)) throw new UsageException($"output file '{file}' is an existing folder");
        EnsureWritableDirectory(Path.GetDirectoryName(full)!);
        return full;
    }
}
