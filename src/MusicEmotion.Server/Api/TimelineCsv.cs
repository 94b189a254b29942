using System.Globalization;
using System.Text;
using MusicEmotion.Inference;

namespace MusicEmotion.Server.Api;

/// <summary>A timeline as CSV: <c>second,arousal,valence</c> then one row per second (invariant culture, 4 decimals), as <c>mer analyze --format csv</c> writes it.</summary>
internal static class TimelineCsv
{
    /// <summary>The CSV text of <paramref name="timeline"/>.</summary>
    public static string Format(EmotionTimeline timeline)
    {
        var text = new StringBuilder("second,arousal,valence\n", 24 + (timeline.Count * 20));
        for (int i = 0; i < timeline.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{Math.Round(timeline.Arousal[i], 4):0.####},{Math.Round(timeline.Valence[i], 4):0.####}\n");
        }

        return text.ToString();
    }
}
