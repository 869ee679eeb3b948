namespace LogicNets.Tasks.Definitions;

/// <summary>
/// <c>mix:RULE,RULE…[:dD]</c> — several pure rules, each on its own disjoint group of hidden input bits, plus D
/// distractor bits that no rule reads; one output bit per rule. The purification test proper: a learner must
/// find which bits belong to which rule and recover each rule exactly.
/// </summary>
/// <remarks>Groups are scattered over the input by a permutation fixed by the task name.</remarks>
public sealed class MixtureTask : BitTask
{
    private readonly int[][] _groups;

    public MixtureTask(IReadOnlyList<MixtureRule> rules, int distractors)
    {
        if (rules.Count == 0) throw new TaskSpecException($"mix needs at least one rule; valid rules: {MixtureRule.ValidForms}");
        if (distractors < 0) throw new TaskSpecException($"mix distractor count must be >= 0, got {distractors}");
        int width = rules.Sum(r => r.InputBits) + distractors;
        if (width > MaxInputWidth) throw new TaskSpecException($"mix reads {width} input bits; at most {MaxInputWidth} are supported");
        Rules = rules;
        Distractors = distractors;
        InputWidth = width;
        var positions = HiddenGroups.Permutation(width, StableHash.Of(Name));
        _groups = new int[rules.Count][];
        int next = 0;
        for (int r = 0; r < rules.Count; r++)
        {
            _groups[r] = positions[next..(next + rules[r].InputBits)];
            next += rules[r].InputBits;
        }
    }

    public IReadOnlyList<MixtureRule> Rules { get; }

    public int Distractors { get; }

    /// <summary>Input positions read by each rule, in the rule's operand order.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Groups => _groups;

    public override string Name =>
        "mix:" + string.Join(",", Rules.Select(r => r.Name)) + (Distractors > 0 ? $":d{Distractors}" : "");

    public override string Description =>
        $"{Rules.Count} rules on disjoint hidden groups + {Distractors} distractor bits: " +
        string.Join("; ", Rules.Select((r, i) => $"out{i} = {r.Name}(bits {string.Join(",", _groups[i])})"));

    public override int InputWidth { get; }

    public override int OutputWidth => Rules.Count;

    public override void Compute(ReadOnlySpan<byte> input, Span<byte> output)
    {
        Span<byte> gathered = stackalloc byte[MaxInputWidth];
        for (int r = 0; r < Rules.Count; r++)
        {
            var group = _groups[r];
            for (int i = 0; i < group.Length; i++) gathered[i] = input[group[i]];
            output[r] = Rules[r].Evaluate(gathered[..group.Length]);
        }
    }
}
