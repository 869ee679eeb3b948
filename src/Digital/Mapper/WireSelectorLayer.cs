using LogicNets.Tasks.Data;
namespace LogicNets.Digital.Mapper;

/// <summary>
/// A hard wire selector trained by target propagation (YagaoDirac's digital mapper): output o is
/// pool[:, argmax R_o], where the pool is the layer's inputs and their negations (so NOT costs nothing).
/// Its backward pass carries targets, not gradients: G = Σ_batch pool ⊗ target, and
/// R ← tanh(R + lr · (G − rowmax G) / batch), which keeps R in (−1, 0] with the best-correlated source at the top.
/// </summary>
public sealed class WireSelectorLayer
{
    private readonly float[,] _r;

    public WireSelectorLayer(int inputs, int outputs, bool deduplicate)
    {
        if (inputs < 1 || outputs < 1) throw new ArgumentException($"wire selector needs positive widths, got {inputs} → {outputs}");
        Inputs = inputs;
        Outputs = outputs;
        Deduplicate = deduplicate;
        _r = new float[outputs, 2 * inputs];
        Choice = new int[outputs];
    }

    public int Inputs { get; }

    public int Outputs { get; }

    /// <summary>Hidden selectors spread their outputs over distinct sources; output selectors may repeat one.</summary>
    public bool Deduplicate { get; }

    /// <summary>Trainable scores R: one per (output, source or its negation).</summary>
    public long ScoreCount => _r.LongLength;

    /// <summary>Pool index chosen by each output: j &lt; Inputs is input j, j ≥ Inputs is ¬input (j − Inputs).</summary>
    public int[] Choice { get; }

    /// <summary>x: [batch, Inputs] of ±1 → [batch, Outputs].</summary>
    public float[,] Forward(float[,] x)
    {
        int batch = x.GetLength(0);
        var y = new float[batch, Outputs];
        for (int b = 0; b < batch; b++)
            for (int o = 0; o < Outputs; o++)
                y[b, o] = Pool(x, b, Choice[o]);
        return y;
    }

    private float Pool(float[,] x, int b, int j) => j < Inputs ? x[b, j] : -x[b, j - Inputs];

    /// <summary>
    /// Updates R from the targets and returns the targets for this layer's inputs. Each output hands its target
    /// to its sources mixed by its accuracy: acc_o to the chosen source (sharp), 1 − acc_o spread by softmax(R_o).
    /// Targets are in [−1, 1]; 0 means "no preference".
    /// </summary>
    public float[,] Backward(float[,] x, float[,] y, float[,] target, double learningRate)
    {
        int batch = x.GetLength(0), pool = 2 * Inputs;
        var inputTargets = new float[batch, Inputs];
        for (int o = 0; o < Outputs; o++)
        {
            // G row and accuracy of output o.
            var g = new double[pool];
            double right = 0, counted = 0;
            for (int b = 0; b < batch; b++)
            {
                float t = target[b, o];
                if (t == 0) continue;
                counted++;
                if (y[b, o] * t > 0) right++;
                for (int j = 0; j < Inputs; j++)
                {
                    g[j] += x[b, j] * t;
                    g[Inputs + j] -= x[b, j] * t;
                }
            }
            double accuracy = counted > 0 ? right / counted : 1;
            double max = g.Max();
            for (int j = 0; j < pool; j++) _r[o, j] = (float)Math.Tanh(_r[o, j] + learningRate * (g[j] - max) / Math.Max(1, batch));

            var spread = Softmax(o);
            for (int b = 0; b < batch; b++)
            {
                float t = target[b, o];
                if (t == 0) continue;
                for (int j = 0; j < pool; j++)
                {
                    double weight = (1 - accuracy) * spread[j] + (j == Choice[o] ? accuracy : 0);
                    if (weight == 0) continue;
                    float share = (float)(weight * t);
                    if (j < Inputs) inputTargets[b, j] += share;
                    else inputTargets[b, j - Inputs] -= share;
                }
            }
        }
        Choose();
        for (int b = 0; b < batch; b++)
            for (int j = 0; j < Inputs; j++) inputTargets[b, j] = Math.Clamp(inputTargets[b, j], -1, 1);
        return inputTargets;
    }

    /// <summary>argmax R per output; with de-duplication, outputs claim sources in order of confidence.</summary>
    public void Choose()
    {
        int pool = 2 * Inputs;
        var taken = new bool[Inputs];
        var order = Enumerable.Range(0, Outputs).OrderByDescending(o => Margin(o)).ToArray();
        foreach (int o in order)
        {
            int best = -1;
            for (int j = 0; j < pool; j++)
            {
                if (Deduplicate && Outputs <= Inputs && taken[j % Inputs]) continue;
                if (best < 0 || _r[o, j] > _r[o, best]) best = j;
            }
            if (best < 0) best = Argmax(o);
            Choice[o] = best;
            taken[best % Inputs] = true;
        }
    }

    private int Argmax(int o)
    {
        int best = 0;
        for (int j = 1; j < 2 * Inputs; j++) if (_r[o, j] > _r[o, best]) best = j;
        return best;
    }

    private float Margin(int o)
    {
        float first = float.MinValue, second = float.MinValue;
        for (int j = 0; j < 2 * Inputs; j++)
        {
            float v = _r[o, j];
            if (v > first) (first, second) = (v, first);
            else if (v > second) second = v;
        }
        return first - second;
    }

    private double[] Softmax(int o)
    {
        int pool = 2 * Inputs;
        var e = new double[pool];
        double max = double.MinValue, sum = 0;
        for (int j = 0; j < pool; j++) max = Math.Max(max, _r[o, j]);
        for (int j = 0; j < pool; j++) sum += e[j] = Math.Exp(_r[o, j] - max);
        for (int j = 0; j < pool; j++) e[j] /= sum;
        return e;
    }

    /// <summary>Random initial R (small, non-positive) so hidden selectors do not all start on source 0.</summary>
    public void Randomise(SplitMix64 rng)
    {
        for (int o = 0; o < Outputs; o++)
            for (int j = 0; j < 2 * Inputs; j++) _r[o, j] = (float)(-0.01 * rng.NextDouble());
        Choose();
    }
}
