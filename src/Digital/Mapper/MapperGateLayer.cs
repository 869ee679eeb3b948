namespace LogicNets.Digital.Mapper;

/// <summary>The gates a mapper block uses, in ±1 logic (+1 = true).</summary>
public enum MapperGate { And, Or, Xor }

/// <summary>
/// Fixed two-input gates on ±1 signals (unit u reads inputs 2u and 2u+1; ops cycle AND, OR, XOR) whose backward
/// pass turns an output target into input targets by the gate's truth table:
/// <list type="bullet">
/// <item>AND: target true → both inputs true; target false while the output is true → both inputs weakly (½) false;</item>
/// <item>OR: target false → both inputs false; target true while the output is false → both inputs weakly (½) true;</item>
/// <item>XOR (our rule): a wrong output asks input a to flip and input b to hold (weight ½ each); a right output asks
/// both to hold (weight ¼) — one flip is the smallest change that fixes an XOR, and always choosing a keeps the
/// two inputs from flipping together and cancelling out.</item>
/// </list>
/// A satisfied AND/OR passes no preference (0).
/// </summary>
public sealed class MapperGateLayer(int units)
{
    public int Units { get; } = units > 0 ? units : throw new ArgumentException($"gate layer needs at least one unit, got {units}");

    public MapperGate Op(int unit) => (MapperGate)(unit % 3);

    public float[,] Forward(float[,] x)
    {
        int batch = x.GetLength(0);
        var y = new float[batch, Units];
        for (int b = 0; b < batch; b++)
            for (int u = 0; u < Units; u++)
                y[b, u] = Apply(Op(u), x[b, 2 * u], x[b, 2 * u + 1]);
        return y;
    }

    public static float Apply(MapperGate op, float a, float b) => op switch
    {
        MapperGate.And => a > 0 && b > 0 ? 1 : -1,
        MapperGate.Or => a > 0 || b > 0 ? 1 : -1,
        _ => (a > 0) != (b > 0) ? 1 : -1,
    };

    public float[,] Backward(float[,] x, float[,] y, float[,] target)
    {
        int batch = x.GetLength(0);
        var t = new float[batch, 2 * Units];
        for (int b = 0; b < batch; b++)
        {
            for (int u = 0; u < Units; u++)
            {
                float goal = target[b, u];
                if (goal == 0) continue;
                float a = x[b, 2 * u], c = x[b, 2 * u + 1];
                bool wrong = y[b, u] * goal < 0;
                (float ta, float tb) = Op(u) switch
                {
                    MapperGate.And => goal > 0 ? (1f, 1f) : wrong ? (-0.5f, -0.5f) : (0f, 0f),
                    MapperGate.Or => goal < 0 ? (-1f, -1f) : wrong ? (0.5f, 0.5f) : (0f, 0f),
                    _ => wrong ? (-0.5f * a, 0.5f * c) : (0.25f * a, 0.25f * c),
                };
                float strength = Math.Abs(goal);
                t[b, 2 * u] = ta * strength;
                t[b, 2 * u + 1] = tb * strength;
            }
        }
        return t;
    }
}
