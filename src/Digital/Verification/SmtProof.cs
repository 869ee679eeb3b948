using System.Diagnostics;
using System.Globalization;
using System.Text;
using LogicNets.Digital.Circuits;
using LogicNets.Digital.Export;
using LogicNets.Digital.Gates;
using LogicNets.Tasks;
using LogicNets.Tasks.Definitions;

namespace LogicNets.Digital.Verification;

/// <summary>
/// A proof by SMT solver: the circuit (one Boolean definition per gate) and the rule as a bit-vector formula
/// (<c>bvadd</c>, <c>bvmul</c>, the XOR of the hidden bits) go to <c>z3</c> as a miter — "some input where they
/// differ" — run as a separate process. unsat proves the circuit equals the rule on all 2ⁿ inputs; sat comes back
/// with the input that refutes it; running out of time is reported as such.
/// </summary>
public static class SmtProof
{
    public const string Solver = "z3";

    /// <summary>Whether the rule of <paramref name="task"/> can be written as a formula here.</summary>
    public static bool HasFormula(BitTask task) => task is AdditionTask or MultiplicationTask or ParityTask or NoisyXorTask;

    /// <summary>The SMT-LIB2 miter script.</summary>
    public static string Script(HardCircuit circuit, BitTask task, TimeSpan timeout)
    {
        if (circuit.InputCount != task.InputWidth || circuit.Outputs.Count != task.OutputWidth)
            throw new ArgumentException($"the circuit has {circuit.InputCount} inputs → {circuit.Outputs.Count} outputs, {task.Name} has {task.InputWidth} → {task.OutputWidth}");
        var s = new StringBuilder();
        s.AppendLine($"; LogicNets (.NET): is there an input where the circuit ({circuit}) and {task.Name} differ?");
        s.AppendLine("(set-logic QF_BV)");
        s.AppendLine($"(set-option :timeout {(long)timeout.TotalMilliseconds})");
        for (int i = 0; i < circuit.InputCount; i++) s.AppendLine($"(declare-const x{i} Bool)");
        var live = LiveGates.Of(circuit);
        for (int g = 0; g < circuit.Gates.Count; g++)
        {
            if (!live[g]) continue;
            var gate = circuit.Gates[g];
            s.AppendLine($"(define-fun g{g} () Bool {Formula(gate.Op, Node(circuit, gate.A), Node(circuit, gate.B))})");
        }
        var rule = RuleBits(task, s);
        var differences = Enumerable.Range(0, circuit.Outputs.Count).Select(o => $"(distinct {Node(circuit, circuit.Outputs[o])} {rule[o]})");
        s.AppendLine($"(assert (or false {string.Join(' ', differences)}))");
        s.AppendLine("(check-sat)");
        s.AppendLine($"(get-value ({string.Join(' ', Enumerable.Range(0, circuit.InputCount).Select(i => $"x{i}"))}))");
        return s.ToString();
    }

    /// <summary>Runs the miter through <c>z3</c>; throws <see cref="UserInputException"/> when z3 is not installed.</summary>
    public static CheckResult Prove(HardCircuit circuit, BitTask task, TimeSpan timeout, CancellationToken cancellation = default)
    {
        string script = Script(circuit, task, timeout);
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo(Solver, ["-smt2", "-in", $"-T:{Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds) + 5)}"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new UserInputException($"'{Solver}' is not installed: a proof beyond {ExhaustiveCheck.MaxInputs} inputs needs it (Debian: apt-get install z3)");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
            var stderr = process.StandardError.ReadToEndAsync(cancellation);
            process.StandardInput.Write(script);
            process.StandardInput.Close();
            process.WaitForExit();
            string output = stdout.Result.Trim();
            double seconds = clock.Elapsed.TotalSeconds;
            string first = output.Split('\n', 2)[0].Trim();
            switch (first)
            {
                case "unsat": return new CheckResult(CheckVerdict.Proved, $"{Solver} (SMT-LIB2 bit-vectors)", seconds);
                case "unknown" or "timeout": return new CheckResult(CheckVerdict.Timeout, $"{Solver} (SMT-LIB2 bit-vectors)", seconds, Detail: $"no answer within {timeout.TotalSeconds:0.#} s");
                case "sat": return Refuted(circuit, task, output, seconds);
                default:
                    throw new InvalidOperationException($"{Solver} answered '{first}' (exit {process.ExitCode}): {stderr.Result.Trim()} {output}".Trim());
            }
        }
    }

    private static CheckResult Refuted(HardCircuit circuit, BitTask task, string output, double seconds)
    {
        var input = new bool[circuit.InputCount];
        for (int i = 0; i < input.Length; i++)
        {
            int at = output.IndexOf($"(x{i} ", StringComparison.Ordinal);
            if (at < 0) throw new InvalidOperationException($"{Solver} said sat but gave no value for x{i}");
            input[i] = output.AsSpan(at + $"(x{i} ".Length).StartsWith("true");
        }
        var bits = input.Select(b => (byte)(b ? 1 : 0)).ToArray();
        var expected = new byte[task.OutputWidth];
        task.Compute(bits, expected);
        var actual = circuit.Evaluate(input);
        return new CheckResult(CheckVerdict.Counterexample, $"{Solver} (SMT-LIB2 bit-vectors)", seconds, 0,
            string.Concat(bits.Select(b => (char)('0' + b))), string.Concat(expected.Select(b => (char)('0' + b))), string.Concat(actual.Select(b => b ? '1' : '0')));
    }

    /// <summary>The rule's output bits as Boolean terms (defining what they need in <paramref name="s"/>).</summary>
    private static string[] RuleBits(BitTask task, StringBuilder s)
    {
        string Operand(int first, int width) =>
            width == 1 ? $"(ite x{first} #b1 #b0)" : $"(concat {string.Join(' ', Enumerable.Range(first, width).Reverse().Select(i => $"(ite x{i} #b1 #b0)"))})";
        string[] Bits(string name, int width) => Enumerable.Range(0, width)
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"(= ((_ extract {k} {k}) {name}) #b1)")).ToArray();
        switch (task)
        {
            case AdditionTask add:
            {
                int n = add.Width;
                s.AppendLine($"(define-fun a () (_ BitVec {n + 1}) ((_ zero_extend 1) {Operand(0, n)}))");
                s.AppendLine($"(define-fun b () (_ BitVec {n + 1}) ((_ zero_extend 1) {Operand(n, n)}))");
                string sum = add.CarryIn ? $"(bvadd a b ((_ zero_extend {n}) {Operand(2 * n, 1)}))" : "(bvadd a b)";
                s.AppendLine($"(define-fun rule () (_ BitVec {n + 1}) {sum})");
                return Bits("rule", n + 1);
            }
            case MultiplicationTask mul:
            {
                int n = mul.Width;
                s.AppendLine($"(define-fun a () (_ BitVec {2 * n}) ((_ zero_extend {n}) {Operand(0, n)}))");
                s.AppendLine($"(define-fun b () (_ BitVec {2 * n}) ((_ zero_extend {n}) {Operand(n, n)}))");
                s.AppendLine($"(define-fun rule () (_ BitVec {2 * n}) (bvmul a b))");
                return Bits("rule", 2 * n);
            }
            case ParityTask parity:
                return [Xor(parity.HiddenBits)];
            case NoisyXorTask:
                return [Xor([0, 1])];
            default:
                throw new UserInputException($"no formula for {task.Name} yet: proofs cover add, mul, parity and noisy-xor (tasks of at most {ExhaustiveCheck.MaxInputs} inputs are checked exhaustively instead)");
        }
    }

    private static string Xor(IReadOnlyList<int> bits) => bits.Count == 1 ? $"x{bits[0]}" : $"(xor {string.Join(' ', bits.Select(b => $"x{b}"))})";

    private static string Node(HardCircuit circuit, int node) => node < circuit.InputCount ? $"x{node}" : $"g{node - circuit.InputCount}";

    private static string Formula(GateOp op, string a, string b) => op switch
    {
        GateOp.False => "false",
        GateOp.And => $"(and {a} {b})",
        GateOp.AAndNotB => $"(and {a} (not {b}))",
        GateOp.A => a,
        GateOp.NotAAndB => $"(and (not {a}) {b})",
        GateOp.B => b,
        GateOp.Xor => $"(xor {a} {b})",
        GateOp.Or => $"(or {a} {b})",
        GateOp.Nor => $"(not (or {a} {b}))",
        GateOp.Xnor => $"(= {a} {b})",
        GateOp.NotB => $"(not {b})",
        GateOp.AOrNotB => $"(or {a} (not {b}))",
        GateOp.NotA => $"(not {a})",
        GateOp.NotAOrB => $"(or (not {a}) {b})",
        GateOp.Nand => $"(not (and {a} {b}))",
        GateOp.True => "true",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not one of the 16 gates"),
    };
}
