using System.Collections.Concurrent;
using LogicNets.Tasks.Tables;

namespace LogicNets.Tasks.Definitions;

/// <summary>The two file formats a task can be read from.</summary>
public enum TableFormat { Pla, Csv }

/// <summary>
/// A Boolean function given as rows in a file (<c>pla:PATH</c> or <c>csv:PATH</c>), optionally with a separate
/// test file. Its name carries everything that chose its rows — the paths and the CSV columns — so a worker
/// process or a resumed sweep reads the same table; <see cref="Fingerprint"/> records what the files held.
/// </summary>
public sealed class FileTask : LearningTask
{
    private static readonly ConcurrentDictionary<(string Path, DateTime Written, long Length, string Columns), TruthTable> Loaded = new();

    public FileTask(TableFormat format, string path, string? testPath = null, IReadOnlyList<string>? inputs = null, IReadOnlyList<string>? outputs = null,
        string? holdoutPath = null)
    {
        if (format == TableFormat.Pla && (inputs is { Count: > 0 } || outputs is { Count: > 0 }))
            throw new TaskSpecException("inputs= and outputs= choose CSV columns; a PLA file says its inputs and outputs itself");
        Format = format;
        SourcePath = path;
        TestPath = testPath;
        InputColumns = inputs is { Count: > 0 } ? inputs : null;
        OutputColumns = outputs is { Count: > 0 } ? outputs : null;
        Table = Load(path);
        TestTable = testPath is null ? null : Load(testPath);
        HoldoutPath = holdoutPath;
        HoldoutTable = holdoutPath is null ? null : Load(holdoutPath);
        foreach (var (other, otherPath) in new[] { (TestTable, testPath), (HoldoutTable, holdoutPath) })
            if (other is not null && (other.InputWidth != Table.InputWidth || other.OutputWidth != Table.OutputWidth))
                throw new TableFileException(otherPath!, null,
                    $"has {other.InputWidth} inputs and {other.OutputWidth} outputs; the training file {path} has {Table.InputWidth} and {Table.OutputWidth}");
    }

    /// <summary>
    /// A third file scored after training and used for nothing else (the IWLS contest's hidden test rows, when a
    /// model is chosen on the test file as a validation set); null when none.
    /// </summary>
    public string? HoldoutPath { get; }

    public TruthTable? HoldoutTable { get; }

    public TableFormat Format { get; }

    public string SourcePath { get; }

    /// <summary>A separate test file; null: the rows of <see cref="SourcePath"/> are split by the train fraction.</summary>
    public string? TestPath { get; }

    public IReadOnlyList<string>? InputColumns { get; }

    public IReadOnlyList<string>? OutputColumns { get; }

    public TruthTable Table { get; }

    public TruthTable? TestTable { get; }

    public override string Name
    {
        get
        {
            string name = $"{(Format == TableFormat.Pla ? "pla" : "csv")}:{SourcePath}";
            if (InputColumns is not null) name += $";inputs={string.Join(',', InputColumns)}";
            if (OutputColumns is not null) name += $";outputs={string.Join(',', OutputColumns)}";
            if (TestPath is not null) name += $";test={TestPath}";
            if (HoldoutPath is not null) name += $";holdout={HoldoutPath}";
            return name;
        }
    }

    public override string Description =>
        $"the function in {SourcePath}: {Table.Rows} rows, {InputWidth} inputs → {OutputWidth} output(s)" +
        (TestTable is { } test ? $"; tested on {TestPath} ({test.Rows} rows)" : "; split into train and test rows by the train fraction");

    public override int InputWidth => Table.InputWidth;

    public override int OutputWidth => Table.OutputWidth;

    public override TargetKind Kind => TargetKind.Bits;

    public override bool HasOwnSplit => TestTable is not null;

    /// <summary>The tables' content hash (training file, then test file): what the rows were, whatever the paths.</summary>
    public string Fingerprint => _fingerprint ??= string.Join('+', new[] { Table, TestTable, HoldoutTable }.Where(t => t is not null).Select(t => t!.Fingerprint()));

    private string? _fingerprint;

    /// <summary>Parses the part after <c>pla:</c> or <c>csv:</c>: <c>PATH[;inputs=a,b][;outputs=y][;test=PATH][;holdout=PATH]</c>.</summary>
    public static FileTask Parse(TableFormat format, string text)
    {
        string[] parts = text.Split(';');
        string path = parts[0].Trim();
        if (path.Length == 0) throw new TaskSpecException($"{(format == TableFormat.Pla ? "pla" : "csv")}: needs a file path");
        string? test = null, holdout = null;
        IReadOnlyList<string>? inputs = null, outputs = null;
        foreach (string part in parts.Skip(1))
        {
            int eq = part.IndexOf('=');
            string key = eq < 0 ? part.Trim() : part[..eq].Trim().ToLowerInvariant();
            string value = eq < 0 ? "" : part[(eq + 1)..].Trim();
            if (value.Length == 0) throw new TaskSpecException($"'{part}' needs a value (test=PATH, inputs=COLUMNS, outputs=COLUMNS)");
            switch (key)
            {
                case "test": test = value; break;
                case "holdout": holdout = value; break;
                case "inputs": inputs = Columns(value); break;
                case "outputs": outputs = Columns(value); break;
                default: throw new TaskSpecException($"unknown file task part '{key}'; valid: test=PATH, holdout=PATH, inputs=COLUMNS, outputs=COLUMNS");
            }
        }
        if (holdout is not null && test is null) throw new TaskSpecException("holdout=PATH scores a third file; it needs test=PATH for the rows a model is chosen on");
        return new FileTask(format, path, test, inputs, outputs, holdout);
    }

    private static string[] Columns(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private TruthTable Load(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists) return Read(path); // the reader's error names the file
        string columns = $"{string.Join(',', InputColumns ?? [])}|{string.Join(',', OutputColumns ?? [])}";
        return Loaded.GetOrAdd((file.FullName, file.LastWriteTimeUtc, file.Length, columns), _ => Read(path));
    }

    private TruthTable Read(string path) =>
        Format == TableFormat.Pla ? PlaFormat.Read(path) : CsvTableFormat.Read(path, InputColumns, OutputColumns);
}
