using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Running;

// Speed suites; never run in CI. Example: dotnet run -c Release --project bench -- --filter '*Mlp*'
var config = DefaultConfig.Instance
    .AddExporter(new CsvExporter(CsvSeparator.Comma))
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
