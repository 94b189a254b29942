using System.Globalization;
using System.Text;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Cli.Output;

/// <summary>The plain-text formats of one analysis: the readable summary table and per-second CSV.</summary>
internal static class AnalysisText
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Plain-language names of the quadrants.</summary>
    public static string QuadrantName(EmotionQuadrant quadrant) => ArousalValence.QuadrantName(quadrant);

    /// <summary>Seconds as <c>m:ss</c> (or <c>h:mm:ss</c> from an hour).</summary>
    public static string Clock(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, Math.Floor(seconds)));
        return t.TotalHours >= 1
            ? string.Create(C, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(C, $"{t.Minutes:00}:{t.Seconds:00}");
    }

    /// <summary>The readable summary printed by <c>mer analyze</c> (default <c>--format table</c>).</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="file">The name to report (as the user gave it).</param>
    /// <param name="keys">Tempo, chroma key and key from notes (<c>--notes</c>), printed before the description; null prints none.</param>
    public static string Table(EmotionAnalysis analysis, string file, KeyTempoReport? keys = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        EmotionSummary s = analysis.Summary;
        var text = new StringBuilder();
        void Line(string label, string value) => text.Append(label.PadRight(18)).AppendLine(value);

        Line("file", file);
        Line("duration", string.Create(C, $"{Clock(analysis.DurationSeconds)} ({analysis.DurationSeconds:0.0} s, {s.Seconds} values, 1 per second)"));
        Line("model", analysis.ModelName);
        if (s.MusicSeconds < s.Seconds)
        {
            Line("music", string.Create(C, $"{s.MusicSeconds} of {s.Seconds} seconds ({NonMusic(analysis.Timeline)})"));
        }

        text.AppendLine();
        if (s.Arousal is not { } arousal || s.Valence is not { } valence || s.DominantQuadrant is not { } dominant)
        {
            Line("mood", "none: no music detected");
        }
        else
        {
            text.AppendLine("                  mean     std      min      max      trend/min");
            Stats("arousal", arousal);
            Stats("valence", valence);
            text.AppendLine();
            QuadrantShares q = s.QuadrantShares;
            Line("quadrants", string.Join("  ", Enum.GetValues<EmotionQuadrant>().Select(x => string.Create(C, $"{x} {q[x] * 100:0}%"))));
            Line("dominant", $"{dominant} {QuadrantName(dominant)}");
        }

        Line("strongest moments", s.StrongestMoments.Count == 0 ? "none" : string.Join(", ", s.StrongestMoments.Take(3).Select(Moment)));
        if (s.ArousalPeaks.Count > 0)
        {
            Line("arousal peaks", string.Join(", ", s.ArousalPeaks.Take(3).Select(m => string.Create(C, $"{Clock(m.Second)} ({Signed(m.Arousal)})"))));
        }

        if (keys is not null)
        {
            text.AppendLine();
            Line("tempo", keys.TempoBpm is { } bpm ? string.Create(C, $"{bpm:0.0} BPM") : "not found");
            Line("key (chroma)", Key(keys.ChromaKey));
            Line("key (notes)", Key(keys.NotesKey));
        }

        if (analysis.Description is { } description)
        {
            text.AppendLine();
            Line("description", description.ReplaceLineEndings(" ").Trim());
        }

        return text.ToString().TrimEnd();

        void Stats(string name, DimensionStatistics d) => text.AppendLine(string.Create(C,
            $"{name,-18}{Signed(d.Mean),-9}{d.StandardDeviation,-9:0.000}{Signed(d.Min),-9}{Signed(d.Max),-9}{Signed(d.TrendPerMinute)}"));
    }

    /// <summary>What the seconds without music held, and where (<c>silence 0:00–0:09, steady signal 1:30–1:41</c>).</summary>
    private static string NonMusic(EmotionTimeline timeline)
    {
        var parts = new List<string>();
        int i = 0;
        while (i < timeline.Count)
        {
            MusicPresence kind = timeline.Presence[i];
            int first = i;
            while (i < timeline.Count && timeline.Presence[i] == kind)
            {
                i++;
            }

            if (kind != MusicPresence.Music)
            {
                string what = kind == MusicPresence.Silence ? "silence" : "steady signal";
                parts.Add(i - first == 1 ? $"{what} {Clock(first)}" : $"{what} {Clock(first)}–{Clock(i - 1)}");
            }
        }

        return parts.Count <= 4 ? string.Join(", ", parts) : string.Join(", ", parts.Take(4)) + string.Create(C, $" and {parts.Count - 4} more");
    }

    private static string Key(NotesKey? key) => key is null ? "not found" : string.Create(C, $"{key.Label} (strength {key.Strength:0.00})");

    private static string Moment(EmotionMoment m) =>
        string.Create(C, $"{Clock(m.Second)} {m.Quadrant} (A {Signed(m.Arousal)}, V {Signed(m.Valence)})");

    private static string Signed(double value) => value.ToString("+0.000;-0.000;0.000", C);
}
