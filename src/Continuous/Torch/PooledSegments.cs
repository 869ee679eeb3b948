using System.Buffers;

namespace LogicNets.Continuous.Torch;

/// <summary>
/// One array from the shared pool cut into segments of given lengths: what a fused autograd node keeps from its forward
/// pass for its backward pass, where a tensor each would cost more to make than the kernel spends filling it. Released
/// after the backward pass; a node asked for a second one (retain_graph) sees <see cref="Released"/> and runs its forward
/// pass again. A read after release throws rather than return another node's numbers.
/// </summary>
public sealed class PooledSegments
{
    private readonly string _owner;
    private readonly float[] _array;
    private readonly int[] _offsets;
    private bool _released;

    /// <summary><paramref name="owner"/> names the node in the error a read after release raises.</summary>
    public PooledSegments(string owner, params int[] lengths)
    {
        _owner = owner;
        _offsets = new int[lengths.Length + 1];
        for (int index = 0; index < lengths.Length; index++) _offsets[index + 1] = checked(_offsets[index] + lengths[index]);
        _array = ArrayPool<float>.Shared.Rent(_offsets[^1]);
    }

    /// <summary>Segment <paramref name="index"/>, in the order the lengths were given.</summary>
    public Span<float> this[int index] => _released
        ? throw new InvalidOperationException($"{_owner} read what its forward pass kept after giving it back")
        : _array.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>Whether <see cref="Release"/> has run.</summary>
    public bool Released => _released;

    /// <summary>Gives the array back to the pool; the segments are not read again.</summary>
    public void Release()
    {
        if (_released) return;
        _released = true;
        ArrayPool<float>.Shared.Return(_array);
    }
}
