using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Running;

// Speed suites; never run in CI. Example: dotnet run -c Release --project bench -- --filter '*Mlp*'
// The default config already has a CSV exporter with the culture's separator; replace it with a comma-pinned one.
var config = ManualConfig.Union(DefaultConfig.Instance, ManualConfig.CreateEmpty())
    .AddExporter(new CsvExporter(CsvSeparator.Comma))
    .WithOptions(ConfigOptions.JoinSummary);
// In-process: BenchmarkDotNet's per-benchmark rebuild would lack the TorchSharp load fix that our build applies
// to its own output (build/TorchSharpGlibcxx.targets), so torch benchmarks could not load libtorch.
if (!args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase)) args = [.. args, "--inProcess"];
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
