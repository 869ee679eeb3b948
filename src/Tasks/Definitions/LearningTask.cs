namespace LogicNets.Tasks.Definitions;

/// <summary>Whether a task's targets are bits or real numbers.</summary>
public enum TargetKind { Bits, Real }

/// <summary>A pure rule from inputs to targets that a learner is asked to recover.</summary>
public abstract class LearningTask
{
    /// <summary>Canonical name; <see cref="TaskName.Parse"/> of it gives back an equal task.</summary>
    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract int InputWidth { get; }

    public abstract int OutputWidth { get; }

    public abstract TargetKind Kind { get; }

    /// <summary>Training-label noise used when the user gives none (noisy-xor's protocol flips 40%).</summary>
    public virtual double DefaultNoise => 0;

    /// <summary>
    /// The task fixes its own train and test rows (noisy-xor's draw, product's ranges), so a train fraction does not
    /// apply; runs of it record train fraction 1 whichever command ran them.
    /// </summary>
    public virtual bool HasOwnSplit => false;

    public override string ToString() => Name;
}
