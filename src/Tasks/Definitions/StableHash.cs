namespace LogicNets.Tasks.Definitions;

/// <summary>
/// Hashes of strings that are the same in every process and on every machine (string.GetHashCode is randomised per
/// process): FNV-1a for task rules, a short SHA-256 for identities written into files.
/// </summary>
public static class StableHash
{
    /// <summary>The first <paramref name="digits"/> hex digits of the SHA-256 of <paramref name="text"/> (UTF-8): a short identity written into files.</summary>
    public static string Sha256Hex(string text, int digits) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..digits];

    public static int Of(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) { hash ^= c; hash *= 16777619; }
        return (int)(hash & 0x7fffffff);
    }
}
