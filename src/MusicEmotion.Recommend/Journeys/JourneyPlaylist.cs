using System.Globalization;
using System.Text;

namespace MusicEmotion.Recommend.Journeys;

/// <summary>A journey as an extended M3U playlist in UTF-8 (<c>.m3u8</c>): a <c>#EXTINF</c> line with each song's duration and title, then its location.</summary>
public static class JourneyPlaylist
{
    /// <summary>The playlist text of <paramref name="plan"/>.</summary>
    /// <param name="plan">The journey.</param>
    /// <param name="location">Where the player finds each song: a path or a URL.</param>
    /// <param name="title">The title shown for each song; default: its source name's file name without extension.</param>
    /// <param name="name">The playlist's name (<c>#PLAYLIST</c>), if any.</param>
    public static string ToM3u8(JourneyPlan plan, Func<JourneyStep, string> location, Func<JourneyStep, string>? title = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(location);
        title ??= step => TitleOf(step.SourceName);
        var text = new StringBuilder("#EXTM3U\n");
        if (!string.IsNullOrWhiteSpace(name))
        {
            text.Append("#PLAYLIST:").Append(OneLine(name)).Append('\n');
        }

        foreach (JourneyStep step in plan.Steps)
        {
            text.Append(CultureInfo.InvariantCulture, $"#EXTINF:{(long)Math.Round(step.DurationSeconds)},{OneLine(title(step))}\n");
            text.Append(OneLine(location(step))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A title from a source name: the file name without its extension (the whole name when it has none).</summary>
    public static string TitleOf(string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        string file = sourceName.Replace('\\', '/');
        file = file[(file.LastIndexOf('/') + 1)..];
        int dot = file.LastIndexOf('.');
        return dot > 0 ? file[..dot] : file.Length > 0 ? file : sourceName;
    }

    /// <summary>Line breaks would start a new entry: they become spaces.</summary>
    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Replace('\u0085', ' ').Trim();
}
