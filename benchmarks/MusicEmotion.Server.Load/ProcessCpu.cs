using System.Globalization;

namespace MusicEmotion.Server.Load;

/// <summary>
/// CPU time of a process on Linux, read from <c>/proc/&lt;pid&gt;/stat</c>: its own (user + system) and that of its
/// finished children (the service's ffmpeg and ffprobe runs). Unlike wall time it does not depend on what else the
/// machine is doing, so it gives the cost of the run.
/// </summary>
/// <param name="Own">CPU time of the process itself.</param>
/// <param name="Children">CPU time of its children that have exited.</param>
internal readonly record struct ProcessCpu(TimeSpan Own, TimeSpan Children)
{
    /// <summary>Clock ticks per second of <c>/proc</c> times (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Both together.</summary>
    public TimeSpan Total => Own + Children;

    /// <summary>Reads the times of <paramref name="pid"/>.</summary>
    /// <exception cref="IOException">There is no such process (or no /proc).</exception>
    public static ProcessCpu Read(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing parenthesis.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        double Ticks(int field) => double.Parse(fields[field - 3], CultureInfo.InvariantCulture);
        return new ProcessCpu(
            TimeSpan.FromSeconds((Ticks(14) + Ticks(15)) / TicksPerSecond),
            TimeSpan.FromSeconds((Ticks(16) + Ticks(17)) / TicksPerSecond));
    }

    /// <summary>The time spent between <paramref name="before"/> and this reading.</summary>
    public ProcessCpu Since(ProcessCpu before) => new(Own - before.Own, Children - before.Children);
}
