using System.Globalization;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Recommend.Journeys;

/// <summary>Puts a journey step into words: how the song moves, how closely it follows its stretch, and how it takes over from the song before.</summary>
internal static class JourneyExplainer
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Explain(JourneyCandidate song, JourneyCandidate? previous, double pathError, bool last)
    {
        var parts = new List<string> { Movement(song) };
        parts.Add(pathError < 0.15 ? string.Create(C, $"follows its stretch of the path closely ({pathError:0.00} off)")
            : pathError < 0.3 ? string.Create(C, $"stays near its stretch of the path ({pathError:0.00} off)")
            : string.Create(C, $"the nearest the catalog has to its stretch of the path ({pathError:0.00} off)"));
        if (previous is null)
        {
            parts.Insert(0, "opens the journey");
        }
        else
        {
            double jump = previous.Tail.DistanceTo(song.Head);
            parts.Add(jump < 0.1 ? string.Create(C, $"picks up where the last song ends (jump {jump:0.00})")
                : jump < 0.25 ? string.Create(C, $"a gentle change from the last song (jump {jump:0.00})")
                : string.Create(C, $"a clear change from the last song (jump {jump:0.00})"));
            if (Key(previous, song) is { } key)
            {
                parts.Add(key);
            }

            if (Tempo(previous, song) is { } tempo)
            {
                parts.Add(tempo);
            }
        }

        if (song.Liked)
        {
            parts.Add("one of your liked songs");
        }

        if (last && previous is not null)
        {
            parts.Add("ends the journey");
        }

        string text = string.Join("; ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Movement(JourneyCandidate song)
    {
        string from = MoodNames.WordFor(song.Head), to = MoodNames.WordFor(song.Tail);
        if (from == to)
        {
            return $"stays {from}";
        }

        double rise = song.Tail.Arousal - song.Head.Arousal;
        return rise > 0.1 ? $"builds from {from} to {to}" : rise < -0.1 ? $"settles from {from} to {to}" : $"moves from {from} to {to}";
    }

    private static string? Key(JourneyCandidate previous, JourneyCandidate song) =>
        previous.TempoKey.Key is { } a && song.TempoKey.Key is { } b ? KeyWords.HandOver(a, b) : null;

    private static string? Tempo(JourneyCandidate previous, JourneyCandidate song)
    {
        if (previous.TempoKey.TempoBpm is not { } a || song.TempoKey.TempoBpm is not { } b)
        {
            return null;
        }

        double folded = HandOverCosts.FoldedRatio(a, b);
        double change = (a * folded) - a;
        string octave = Math.Abs(Math.Log2(b / a)) >= 0.5 ? (b > a ? ", taken at half time" : ", taken at double time") : "";
        return Math.Abs(change) < 1
            ? string.Create(C, $"same tempo ({b:0} BPM{octave})")
            : string.Create(C, $"{Math.Abs(change):0} BPM {(change > 0 ? "faster" : "slower")} ({b:0} BPM{octave})");
    }
}
