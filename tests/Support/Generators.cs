using FsCheck;
using FsCheck.Fluent;

namespace LogicNets.Tests.Support;

/// <summary>Generators for property tests (never the default double generator: it yields NaN and ∞).</summary>
public static class Generators
{
    public static Gen<UInt128> Word(int bits) =>
        from hi in Gen.Choose(int.MinValue, int.MaxValue).Two()
        from lo in Gen.Choose(int.MinValue, int.MaxValue).Two()
        select Mask(((UInt128)(uint)hi.Item1 << 96) | ((UInt128)(uint)hi.Item2 << 64) | ((UInt128)(uint)lo.Item1 << 32) | (uint)lo.Item2, bits);

    public static Gen<double> UnitInterval => Gen.Choose(0, 1_000_000).Select(i => i / 1_000_000.0);

    public static Gen<double> Fraction => Gen.Choose(1, 1000).Select(i => i / 1000.0);

    private static UInt128 Mask(UInt128 value, int bits) => bits >= 128 ? value : value & ((UInt128.One << bits) - 1);
}
