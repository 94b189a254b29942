using System.Text;
using System.Text.Json;
using MusicEmotion.Features.Descriptors;
using MusicEmotion.Recommend.Journeys;

namespace MusicEmotion.Recommend.Tracks;

/// <summary>
/// A track's audio features with the names, types and ranges of Spotify's audio-features object, for what this library
/// measures: <c>tempo</c>, <c>key</c>, <c>mode</c>, <c>loudness</c>, <c>energy</c>, <c>valence</c>, <c>duration_ms</c>
/// (plus <c>type</c> and <c>id</c>). What it does not measure is absent, never invented (<see cref="UnmeasuredFields"/>).
/// docs/recommend.md says how each value is made.
/// </summary>
/// <param name="Id">The track id (the SHA-256 of the audio).</param>
/// <param name="DurationMs">Length in milliseconds.</param>
/// <param name="Tempo">Tempo in BPM; 0 when no beat was found (as Spotify reports tracks without one).</param>
/// <param name="Key">Pitch class of the tonic, 0 = C … 11 = B; −1 when the key is not known with enough confidence.</param>
/// <param name="Mode">1 major, 0 minor; null (absent) when the key is not known.</param>
/// <param name="Loudness">The RMS level of the whole track in dB re full scale (power mean over frames), at least −60.</param>
/// <param name="Energy">Mean arousal mapped from [−1, 1] to [0, 1]; null (absent) when no second carries a mood reading.</param>
/// <param name="Valence">Mean valence mapped from [−1, 1] to [0, 1]; null (absent) when no second carries a mood reading.</param>
public sealed record AudioFeatures(string Id, long DurationMs, double Tempo, int Key, int? Mode, double Loudness, double? Energy, double? Valence)
{
    /// <summary>The quietest loudness reported (Spotify's range is −60 to 0 dB).</summary>
    public const double MinLoudness = -60;

    /// <summary>Fields of Spotify's object that this library does not measure and never writes.</summary>
    public static IReadOnlyList<string> UnmeasuredFields { get; } =
        ["acousticness", "danceability", "instrumentalness", "liveness", "speechiness", "time_signature", "uri", "track_href", "analysis_url"];

    /// <summary>The features of <paramref name="track"/>.</summary>
    /// <param name="track">A catalog record.</param>
    /// <param name="tempoKey">Where tempo and key come from; null for the stored estimates.</param>
    public static AudioFeatures From(TrackRecord track, ITempoKeySource? tempoKey = null)
    {
        ArgumentNullException.ThrowIfNull(track);
        TempoKey known = (tempoKey ?? DescriptorTempoKeySource.Default).Estimate(track);
        double rmsMean = track.Descriptors["rms_mean"], rmsSpread = track.Descriptors["rms_std"];
        double power = (rmsMean * rmsMean) + (rmsSpread * rmsSpread);
        double loudness = power > 0 ? Math.Max(MinLoudness, 10 * Math.Log10(power)) : MinLoudness;
        MoodPoint? mood = JourneyMeasures.Mean(track.Timeline);
        return new AudioFeatures(
            track.Id,
            (long)Math.Round(track.DurationSeconds * 1000),
            known.TempoBpm is { } bpm ? Math.Round(bpm, 3) : 0,
            known.Key is { } key ? ((key.Tonic % 12) + 12) % 12 : -1,
            known.Key is { } k ? (k.Mode == MusicalMode.Major ? 1 : 0) : null,
            Math.Round(loudness, 3),
            mood is { } m ? Unit(m.Arousal) : null,
            mood is { } n ? Unit(n.Valence) : null);
    }

    /// <summary>The features as Spotify's JSON object (snake_case names; absent fields left out).</summary>
    public string ToJson(bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            WriteTo(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the features as Spotify's JSON object.</summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        if (Energy is { } energy)
        {
            json.WriteNumber("energy", energy);
        }

        json.WriteNumber("key", Key);
        json.WriteNumber("loudness", Loudness);
        if (Mode is { } mode)
        {
            json.WriteNumber("mode", mode);
        }

        if (Valence is { } valence)
        {
            json.WriteNumber("valence", valence);
        }

        json.WriteNumber("tempo", Tempo);
        json.WriteString("type", "audio_features");
        json.WriteString("id", Id);
        json.WriteNumber("duration_ms", DurationMs);
        json.WriteEndObject();
    }

    private static double Unit(double value) => Math.Round(Math.Clamp((value + 1) / 2, 0, 1), 4);
}
