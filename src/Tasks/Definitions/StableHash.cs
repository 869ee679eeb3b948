namespace LogicNets.Tasks.Definitions;

/// <summary>FNV-1a over a string: string.GetHashCode is randomised per process, and task rules must not be.</summary>
public static class StableHash
{
    public static int Of(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) { hash ^= c; hash *= 16777619; }
        return (int)(hash & 0x7fffffff);
    }
}
