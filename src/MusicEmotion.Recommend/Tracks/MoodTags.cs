using System.Globalization;
using MusicEmotion.Features.Descriptors;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Recommend.Tracks;

/// <summary>
/// What <c>mer tag</c> writes into a file, as text in the documented formats (docs/recommend.md, "Mood tags in files"):
/// the dominant mood word, the mean arousal and valence, the energy, the tempo and the key, and the model that made them.
/// A track without any second of music gets no mood, arousal, valence, energy, tempo or key: only the model, so that it is
/// not analysed again.
/// </summary>
/// <param name="Mood">The dominant mood word (<see cref="MoodWordOf"/>): Happy, Tense, Sad or Calm; null without music.</param>
/// <param name="Arousal">Mean arousal on [-1, 1], 3 decimals (<c>-0.312</c>); null without music.</param>
/// <param name="Valence">Mean valence on [-1, 1], 3 decimals; null without music.</param>
/// <param name="Energy">Energy on [0, 1], 3 decimals, as the audio features define it; null without music.</param>
/// <param name="Bpm">Tempo rounded to whole beats per minute (<c>120</c>); null when no beat was found or without music.</param>
/// <param name="InitialKey">The key in the ID3 TKEY notation (<c>Am</c>, <c>F#</c>); null when not known with enough confidence or without music.</param>
/// <param name="Model">The model and its version (<c>musicemotion-av 2.1.0</c>): a file tagged by the same model is skipped next time.</param>
public sealed record MoodTags(string? Mood, string? Arousal, string? Valence, string? Energy, string? Bpm, string? InitialKey, string Model)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly string[] TonicNames = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];

    /// <summary>Whether the track has a mood to write (at least one second of music).</summary>
    public bool HasMood => Mood is not null;

    /// <summary>The tags of <paramref name="track"/>.</summary>
    public static MoodTags From(TrackRecord track, ITempoKeySource? tempoKey = null)
    {
        ArgumentNullException.ThrowIfNull(track);
        TempoKey known = (tempoKey ?? DescriptorTempoKeySource.Default).Estimate(track);
        AudioFeatures features = AudioFeatures.From(track, tempoKey);
        EmotionQuadrant? dominant = DominantQuadrant(track);
        (double Arousal, double Valence)? mean = MoodSeconds.Mean(track.Timeline);
        return new MoodTags(
            dominant is { } q ? MoodWordOf(q) : null,
            mean is { } m ? Decimal(m.Arousal) : null,
            mean is { } n ? Decimal(n.Valence) : null,
            features.Energy is { } energy ? Decimal(energy) : null,
            dominant is not null && known.TempoBpm is { } bpm ? Math.Round(bpm).ToString(C) : null,
            dominant is not null && known.Key is { } key ? KeyNotation(key) : null,
            $"{track.ModelName} {track.ModelVersion}");
    }

    /// <summary>The mood word of a quadrant: Q1 Happy, Q2 Tense, Q3 Sad, Q4 Calm.</summary>
    public static string MoodWordOf(EmotionQuadrant quadrant) => quadrant switch
    {
        EmotionQuadrant.Q1 => "Happy",
        EmotionQuadrant.Q2 => "Tense",
        EmotionQuadrant.Q3 => "Sad",
        _ => "Calm",
    };

    /// <summary>A key in the ID3 TKEY notation: the tonic with <c>#</c> for sharps, <c>m</c> for minor (<c>C</c>, <c>F#m</c>).</summary>
    public static string KeyNotation(MusicalKey key) => TonicNames[((key.Tonic % 12) + 12) % 12] + (key.Mode == MusicalMode.Minor ? "m" : "");

    /// <summary>The quadrant holding most seconds of music (ties to the lower-numbered quadrant; 0 counts as positive); null without music.</summary>
    private static EmotionQuadrant? DominantQuadrant(TrackRecord track)
    {
        var counts = new int[5];
        for (int i = 0; i < track.Timeline.Count; i++)
        {
            if (MoodSeconds.Counts(track.Timeline, i))
            {
                counts[(int)ArousalValence.QuadrantOf(track.Timeline.Arousal[i], track.Timeline.Valence[i])]++;
            }
        }

        int best = 0;
        for (int q = 1; q <= 4; q++)
        {
            if (counts[q] > 0 && (best == 0 || counts[q] > counts[best]))
            {
                best = q;
            }
        }

        return best == 0 ? null : (EmotionQuadrant)best;
    }

    private static string Decimal(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("0.000", C);
}
