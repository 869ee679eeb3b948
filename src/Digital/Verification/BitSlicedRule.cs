using LogicNets.Digital.Evaluation;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Digital.Verification;

/// <summary>
/// The built-in rules computed on 64 rows per word — a ripple-carry sum, a shift-and-add product, an XOR of the
/// hidden bits — written from the tasks' definitions, independently of any learned circuit. Other tasks fall back to
/// their row-by-row <see cref="BitTask.Compute"/>.
/// </summary>
public static class BitSlicedRule
{
    /// <summary>Fills the output lanes from the input lanes, word by word (lanes = the task's input and output bits).</summary>
    public static void Compute(BitTask task, PackedBits inputs, PackedBits outputs)
    {
        if (inputs.Lanes != task.InputWidth || outputs.Lanes != task.OutputWidth || inputs.Words != outputs.Words)
            throw new ArgumentException($"{task.Name} reads {task.InputWidth} lanes and writes {task.OutputWidth}; got {inputs.Lanes} and {outputs.Lanes}");
        int words = inputs.Words;
        var input = Enumerable.Range(0, inputs.Lanes).Select(i => new LaneView(inputs, i)).ToArray();
        var output = Enumerable.Range(0, outputs.Lanes).Select(o => new LaneView(outputs, o)).ToArray();
        switch (task)
        {
            case AdditionTask add: Add(add, input, output, words); break;
            case MultiplicationTask mul: Multiply(mul, input, output, words); break;
            case ParityTask parity:
                for (int w = 0; w < words; w++)
                {
                    ulong x = 0;
                    foreach (int bit in parity.HiddenBits) x ^= input[bit][w];
                    output[0][w] = x;
                }
                break;
            default: RowByRow(task, input, output, words); break;
        }
        outputs.ClearTails();
    }

    /// <summary>One lane of packed bits, indexed by word.</summary>
    private readonly struct LaneView(PackedBits bits, int lane)
    {
        private readonly ulong[] _data = bits.Data;
        private readonly int _offset = lane * bits.Words;

        public ref ulong this[int word] => ref _data[_offset + word];
    }

    private static void Add(AdditionTask task, LaneView[] input, LaneView[] output, int words)
    {
        int n = task.Width;
        for (int w = 0; w < words; w++)
        {
            ulong carry = task.CarryIn ? input[2 * n][w] : 0;
            for (int i = 0; i < n; i++)
            {
                ulong a = input[i][w], b = input[n + i][w];
                output[i][w] = a ^ b ^ carry;
                carry = (a & b) | (carry & (a ^ b));
            }
            output[n][w] = carry;
        }
    }

    private static void Multiply(MultiplicationTask task, LaneView[] input, LaneView[] output, int words)
    {
        int n = task.Width;
        for (int w = 0; w < words; w++)
        {
            for (int k = 0; k < 2 * n; k++) output[k][w] = 0;
            for (int j = 0; j < n; j++)
            {
                ulong bj = input[n + j][w];
                ulong carry = 0;
                for (int k = j; k < 2 * n; k++)
                {
                    ulong addend = k - j < n ? input[k - j][w] & bj : 0;
                    ulong acc = output[k][w];
                    output[k][w] = acc ^ addend ^ carry;
                    carry = (acc & addend) | (carry & (acc ^ addend));
                }
            }
        }
    }

    private static void RowByRow(BitTask task, LaneView[] input, LaneView[] output, int words)
    {
        Span<byte> inBits = stackalloc byte[task.InputWidth];
        Span<byte> outBits = stackalloc byte[task.OutputWidth];
        for (int w = 0; w < words; w++)
        {
            for (int o = 0; o < task.OutputWidth; o++) output[o][w] = 0;
            for (int k = 0; k < 64; k++)
            {
                for (int i = 0; i < task.InputWidth; i++) inBits[i] = (byte)((input[i][w] >> k) & 1);
                task.Compute(inBits, outBits);
                for (int o = 0; o < task.OutputWidth; o++) output[o][w] |= (ulong)outBits[o] << k;
            }
        }
    }
}
