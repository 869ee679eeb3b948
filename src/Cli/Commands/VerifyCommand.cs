using System.CommandLine;
using System.Globalization;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Learners;
using LogicNets.Digital.Networks;
using LogicNets.Digital.Verification;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Cli.Commands;

/// <summary>
/// <c>logicnets verify</c>: checks a hard circuit against a built-in rule on every input — exhaustively up to 2³²
/// rows, by an SMT proof (z3) beyond — and records the outcome in the run's <c>verified</c> column.
/// </summary>
public static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Option<string?>("--run") { Description = $"run folder written by 'logicnets train' (its {CircuitJson.FileName}, and its task from {RunFolder.RunFile})" };
        var circuitFile = new Option<string?>("--circuit") { Description = $"a circuit file instead of the run's ({CircuitFile.Extensions})" };
        var task = new Option<string?>("--task") { Description = "the rule to check against (default: the run's task); add, mul, parity, noisy-xor, or any task of at most 32 inputs" };
        var widths = new Option<string?>("--widths")
        {
            Description = $"gates-serial runs: operand widths to unroll the cell to and check, e.g. 8,16,32,64 (add:W or add:W:carry as trained)",
        };
        var timeout = new Option<double>("--timeout") { Description = "seconds the solver may take per check", DefaultValueFactory = _ => 120 };
        var command = new Command("verify", "prove a learned circuit equal to its rule on every input (exhaustive check or SMT proof), or find an input where it is wrong")
            { run, circuitFile, task, widths, timeout };

        CommandBody.AttachWithJson(command, console, (parse, console, json, cancellation) =>
        {
            string? directory = parse.GetValue(run);
            string? file = parse.GetValue(circuitFile);
            if (directory is null && file is null) throw new UsageException("give --run DIR or --circuit FILE");
            if (directory is not null && !Directory.Exists(directory)) throw new UsageException($"run folder '{directory}' does not exist");
            string circuitPath = file ?? Path.Combine(directory!, CircuitJson.FileName);
            if (!File.Exists(circuitPath))
                throw new UsageException($"'{circuitPath}' does not exist: verify checks circuits, which only circuit learners write");
            var circuit = CircuitFile.Load(circuitPath);
            RunRecord? record = directory is not null && File.Exists(Path.Combine(directory, RunFolder.RunFile)) ? RunCsv.Read(Path.Combine(directory, RunFolder.RunFile)).FirstOrDefault() : null;
            string taskName = parse.GetValue(task) ?? record?.Task ?? throw new UsageException("--task is required when the run folder has no run.csv");
            if (Parsing.Task(taskName) is not BitTask rule)
                throw new UsageException($"verify checks circuits against bit rules; '{taskName}' is not one (file tasks have no rule beyond their rows)");
            double seconds = parse.GetValue(timeout);
            if (!(seconds > 0)) throw new UsageException($"--timeout must be a positive number of seconds, got {seconds}");

            var checks = new List<(BitTask Task, HardCircuit Circuit)>();
            string? cellPath = directory is null ? null : Path.Combine(directory, SerialGateLearner.CellFileName);
            if (parse.GetValue(widths) is { } widthText)
            {
                if (cellPath is null || !File.Exists(cellPath) || file is not null)
                    throw new UsageException($"--widths unrolls a gates-serial cell ({SerialGateLearner.CellFileName} in --run); other circuits have one width, their task's");
                if (rule is not AdditionTask add) throw new UsageException($"--widths applies to addition (the serial cell's rule); the task is {rule.Name}");
                var cell = CircuitJson.Load(cellPath);
                foreach (string part in widthText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var widened = Parsing.Task($"add:{part}{(add.CarryIn ? ":carry" : "")}") as AdditionTask ?? throw new UsageException($"--widths: '{part}' is not a width");
                    checks.Add((widened, SerialGateCell.Unroll(cell, widened.InputWidth, widened.OutputWidth)));
                }
                console.Out.WriteLine(RuleCheck.IsFullAdder(cell)
                    ? "cell: its state transition is the full adder's on all 8 rows (sum = a⊕b⊕c, carry = maj(a,b,c)), so the unrolled circuit adds correctly at every width"
                    : "cell: not the full adder on all 8 rows; each width is checked on its own");
            }
            else
            {
                if (circuit.InputCount != rule.InputWidth || circuit.Outputs.Count != rule.OutputWidth)
                    throw new UsageException($"the circuit has {circuit.InputCount} inputs → {circuit.Outputs.Count} outputs; {rule.Name} has {rule.InputWidth} → {rule.OutputWidth}");
                checks.Add((rule, circuit));
            }

            var results = new List<(BitTask Task, CheckResult Result)>();
            foreach (var (checkTask, checkCircuit) in checks)
            {
                var result = RuleCheck.Check(checkCircuit, checkTask, TimeSpan.FromSeconds(seconds), cancellation: cancellation);
                results.Add((checkTask, result));
                console.Out.WriteLine(Describe(checkTask, checkCircuit, result));
            }

            // The run's own row says how its exactness is known, when the check was of the run's own task.
            if (record is not null && file is null && results.FirstOrDefault(r => r.Task.Name == record.Task) is { Result: { } own })
            {
                record.Verified = own.Column;
                RunCsv.Write(Path.Combine(directory!, RunFolder.RunFile), [record]);
                console.Out.WriteLine($"{Path.Combine(directory!, RunFolder.RunFile)}: verified = {own.Column}");
            }
            if (json is not null)
                JsonOutput.Write(json, results.Select(r => new
                {
                    Task = r.Task.Name, Verified = r.Result.Column, r.Result.Agrees, r.Result.Method, r.Result.Seconds, Rows = r.Result.Rows > 0 ? r.Result.Rows : (long?)null,
                    Counterexample = r.Result.Input, r.Result.Expected, r.Result.Actual, r.Result.Detail,
                }).ToList());
            return results.All(r => r.Result.Agrees) ? ExitCodes.Success : ExitCodes.NotVerified;
        });
        return command;
    }

    private static string Describe(BitTask task, HardCircuit circuit, CheckResult result)
    {
        string head = $"{task.Name,-14} {circuit.LogicGateCount,6} gates: ";
        return result.Verdict switch
        {
            CheckVerdict.Exhaustive => head + string.Create(CultureInfo.InvariantCulture,
                $"agrees on all {result.Rows:N0} rows (exhaustive, {result.Seconds:0.000} s, {result.RowsPerSecond:0.00e0} rows/s)"),
            CheckVerdict.Proved => head + string.Create(CultureInfo.InvariantCulture, $"proved equal on all 2^{task.InputWidth} inputs by {result.Method} in {result.Seconds:0.00} s"),
            CheckVerdict.Timeout => head + $"timeout: {result.Method} {result.Detail}; neither proved nor refuted",
            _ => head + $"counterexample ({result.Method}): {Operands(task, result.Input!)} → rule {Reverse(result.Expected!)}, circuit {Reverse(result.Actual!)} (bits most significant first)",
        };
    }

    /// <summary>A counterexample row, read as the operands where the task has them (a=7 b=9), else as its bits.</summary>
    private static string Operands(BitTask task, string input)
    {
        string Value(int first, int width) => width <= 63
            ? Convert.ToInt64(Reverse(input.Substring(first, width)), 2).ToString(CultureInfo.InvariantCulture)
            : "0b" + Reverse(input.Substring(first, width));
        return task switch
        {
            AdditionTask add => $"a={Value(0, add.Width)} b={Value(add.Width, add.Width)}{(add.CarryIn ? $" carry={input[2 * add.Width]}" : "")}",
            MultiplicationTask mul => $"a={Value(0, mul.Width)} b={Value(mul.Width, mul.Width)}",
            _ => $"x (x0 first) = {input}",
        };
    }

    private static string Reverse(string bits) => new(bits.Reverse().ToArray());
}
