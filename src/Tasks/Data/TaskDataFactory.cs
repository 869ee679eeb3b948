using LogicNets.Tasks.Definitions;

namespace LogicNets.Tasks.Data;

/// <summary>Builds reproducible train/test data for any task (docs/DESIGN.md §3: enumerate small tables, sample big ones).</summary>
public static class TaskDataFactory
{
    public static TaskData Create(LearningTask task, SplitOptions options)
    {
        options.Validate();
        double noise = options.Noise ?? task.DefaultNoise;
        return task switch
        {
            BitTask { FixedProtocol: { } protocol } bits => WithNoise(bits, Protocol(bits, protocol, options.Seed), noise, options.Seed, SplitMode.Protocol),
            BitTask bits when bits.InputWidth <= SplitOptions.MaxEnumeratedInputBits => WithNoise(bits, Enumerated(bits, options), noise, options.Seed, SplitMode.Enumerated),
            BitTask bits => WithNoise(bits, Sampled(bits, options), noise, options.Seed, SplitMode.Sampled),
            FileTask file => WithNoise(file, FromFile(file, options), noise, options.Seed, SplitMode.File),
            ProductTask product => WithNoise(product, Product(product, options.Seed), noise, options.Seed, SplitMode.Continuous),
            _ => throw new ArgumentException($"no data factory for task type {task.GetType().Name}"),
        };
    }

    /// <summary>Distinct input rows drawn at random (the whole table when it is smaller), labelled: a test set for any width.</summary>
    public static Dataset Sample(BitTask task, int rows, int seed)
    {
        if (task.InputWidth <= SplitOptions.MaxEnumeratedInputBits && rows >= 1 << task.InputWidth)
            return Label(task, Enumerable.Range(0, 1 << task.InputWidth).Select(i => (UInt128)i).ToArray());
        return Label(task, Draw(SeedStream.For(seed, "transfer"), task.InputWidth, rows, []));
    }

    /// <summary>Labels a list of input rows with the task's rule.</summary>
    public static Dataset Label(BitTask task, IReadOnlyList<UInt128> keys)
    {
        int n = task.InputWidth, m = task.OutputWidth;
        var inputs = new float[keys.Count * n];
        var targets = new float[keys.Count * m];
        Span<byte> inBits = stackalloc byte[n];
        Span<byte> outBits = stackalloc byte[m];
        for (int r = 0; r < keys.Count; r++)
        {
            UInt128 key = keys[r];
            for (int i = 0; i < n; i++)
            {
                inBits[i] = (byte)((key >> i) & 1);
                inputs[r * n + i] = inBits[i];
            }
            task.Compute(inBits, outBits);
            for (int o = 0; o < m; o++) targets[r * m + o] = outBits[o];
        }
        return new Dataset(keys.Count, n, m, inputs, targets, TargetKind.Bits);
    }

    private static (Dataset Train, Dataset Test) Enumerated(BitTask task, SplitOptions options)
    {
        int tableRows = 1 << task.InputWidth;
        var order = new UInt128[tableRows];
        for (int i = 0; i < tableRows; i++) order[i] = (UInt128)i;
        SeedStream.For(options.Seed, "split").Shuffle(order);
        int trainRows = Math.Clamp((int)Math.Round(options.TrainFraction * tableRows), 1, tableRows);
        var train = order[..trainRows];
        // At fraction 1 nothing is held out: the test set is the whole table, so the score is a fit score.
        var test = trainRows == tableRows ? order : order[trainRows..];
        return (Label(task, train), Label(task, test));
    }

    private static (Dataset Train, Dataset Test) FromFile(FileTask task, SplitOptions options)
    {
        if (task.TestTable is { } test) return (task.Table.ToDataset(), test.ToDataset());
        int rows = task.Table.Rows;
        var order = Enumerable.Range(0, rows).ToArray();
        SeedStream.For(options.Seed, "split").Shuffle(order);
        int trainRows = Math.Clamp((int)Math.Round(options.TrainFraction * rows), 1, rows);
        // As for enumerated tables: at fraction 1 the test set is every row, a fit score.
        return (task.Table.ToDataset(order[..trainRows]), task.Table.ToDataset(trainRows == rows ? order : order[trainRows..]));
    }

    private static (Dataset Train, Dataset Test) Sampled(BitTask task, SplitOptions options)
    {
        double tableRows = Math.Pow(2, task.InputWidth);
        int trainRows = (int)Math.Max(1, Math.Min(options.MaxSampledTrainRows, Math.Round(options.TrainFraction * tableRows)));
        int testRows = (int)Math.Min(options.MaxSampledTestRows, Math.Max(1, tableRows - trainRows));
        var rng = SeedStream.For(options.Seed, "sample");
        var seen = new HashSet<UInt128>();
        var train = Draw(rng, task.InputWidth, trainRows, seen);
        var test = Draw(rng, task.InputWidth, testRows, seen);
        return (Label(task, train), Label(task, test));
    }

    private static List<UInt128> Draw(SplitMix64 rng, int width, int count, HashSet<UInt128> seen)
    {
        var rows = new List<UInt128>(count);
        while (rows.Count < count)
        {
            UInt128 key = RandomKey(rng, width);
            if (seen.Add(key)) rows.Add(key);
        }
        return rows;
    }

    private static UInt128 RandomKey(SplitMix64 rng, int width)
    {
        var key = rng.NextUInt128();
        return width >= 128 ? key : key & ((UInt128.One << width) - 1);
    }

    private static (Dataset Train, Dataset Test) Protocol(BitTask task, FixedSampleProtocol protocol, int seed)
    {
        var rng = SeedStream.For(seed, "protocol");
        var train = Enumerable.Range(0, protocol.TrainRows).Select(_ => RandomKey(rng, task.InputWidth)).ToArray();
        var test = Enumerable.Range(0, protocol.TestRows).Select(_ => RandomKey(rng, task.InputWidth)).ToArray();
        return (Label(task, train), Label(task, test));
    }

    private static (Dataset Train, Dataset Test) Product(ProductTask task, int seed)
    {
        var rng = SeedStream.For(seed, "product");
        return (Uniform(rng, task.TrainRange, ProductTask.TrainRows), Uniform(rng, task.TestRange, ProductTask.TestRows));
    }

    private static Dataset Uniform(SplitMix64 rng, (double Low, double High) range, int rows)
    {
        var inputs = new float[rows * 2];
        var targets = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            double x1 = range.Low + (range.High - range.Low) * rng.NextDouble();
            double x2 = range.Low + (range.High - range.Low) * rng.NextDouble();
            inputs[2 * r] = (float)x1;
            inputs[2 * r + 1] = (float)x2;
            targets[r] = (float)(x1 * x2);
        }
        return new Dataset(rows, 2, 1, inputs, targets, TargetKind.Real);
    }

    private static TaskData WithNoise(LearningTask task, (Dataset Train, Dataset Test) data, double noise, int seed, SplitMode mode)
    {
        var train = noise > 0 ? LabelNoise.Apply(data.Train, noise, SeedStream.For(seed, "noise")) : data.Train;
        return new TaskData(task, train, data.Test, noise, mode);
    }
}
