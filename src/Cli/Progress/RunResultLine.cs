using System.Globalization;
using LogicNets.Harness.Runs;
using LogicNets.Tasks.Learning;

namespace LogicNets.Cli.Progress;

/// <summary>One human line per finished run.</summary>
public static class RunResultLine
{
    public static string Format(RunRecord run)
    {
        var inv = CultureInfo.InvariantCulture;
        string scores = run.TestBitAccuracy is { } test
            ? string.Format(inv, "train bit acc {0:0.000}, test bit acc {1:0.000}, exact {2:0.000}, baseline {3:0.000}, gain {4:+0.000;-0.000;0.000}",
                run.TrainBitAccuracy, test, run.TestExact, run.BaselineAccuracy, run.Gain)
            : run.Mse is { } mse
                ? string.Format(inv, "test MSE {0:G4} ({1})", mse, run.Solved == true ? "solved by the NMU criterion" : "not solved by the NMU criterion")
                : "no scores";
        string message = string.IsNullOrEmpty(run.Message) ? "" : $" — {run.Message}";
        return string.Format(inv, "{0} in {1:0.0} s, {2} epochs: {3}{4}", run.Status.Name(), run.WallSeconds, run.Epochs, scores, message);
    }

    /// <summary>What a run is: task, model, size, seed, split, and every setting that is not the default.</summary>
    public static string Describe(RunSpec spec)
    {
        var identity = spec.Identity();
        string settings = RunConfig.Describe(RunConfig.Settings(identity));
        return string.Create(CultureInfo.InvariantCulture,
            $"{spec.Task.Name} {spec.Model} size={spec.Size} seed={spec.Seed} f={identity.TrainFraction}{(settings.Length > 0 ? " " + settings : "")}");
    }
}
