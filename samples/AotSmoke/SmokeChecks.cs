namespace AotSmoke;

/// <summary>Prints each figure with its verdict and remembers whether any check failed.</summary>
internal sealed class SmokeChecks
{
    public int Failures { get; private set; }

    public void Check(bool ok, string figure)
    {
        Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {figure}");
        if (!ok)
        {
            Failures++;
        }
    }

    public void Near(string name, double actual, double expected, double relativeTolerance) =>
        Check(double.IsFinite(actual) && Math.Abs(actual - expected) <= relativeTolerance * Math.Abs(expected),
            $"{name} = {actual:G6} (expected {expected:G6} ± {relativeTolerance:P1})");
}
