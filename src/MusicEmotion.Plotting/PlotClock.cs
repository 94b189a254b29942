using System.Globalization;

namespace MusicEmotion.Plotting;

/// <summary>Time-axis labels: seconds as <c>mm:ss</c>, or <c>h:mm:ss</c> from an hour.</summary>
internal static class PlotClock
{
    public static string Format(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, Math.Floor(seconds)));
        return t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes:00}:{t.Seconds:00}");
    }
}
