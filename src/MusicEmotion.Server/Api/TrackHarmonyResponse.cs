using MusicEmotion.Notes.Analysis;
using MusicEmotion.Notes.Harmony;

namespace MusicEmotion.Server.Api;

/// <summary>
/// The key and chords of a track's notes (<c>GET /api/tracks/{id}/harmony</c>): the same members as <c>mer notes --format
/// json</c>, from the notes kept as the track's MIDI file (<see cref="NoteFeatureAnalyzer"/>).
/// </summary>
/// <param name="TrackId">The track.</param>
/// <param name="DurationSeconds">Length of the audio.</param>
/// <param name="NoteCount">Notes transcribed.</param>
/// <param name="Key">The whole track's key from its notes (Krumhansl–Kessler profiles against note durations), or null when the notes name none (silence, a note or two).</param>
/// <param name="Chords">The chord of each second, consecutive seconds of one chord joined into a span, seconds without a chord left out; in time order, empty when none.</param>
/// <param name="Links">The track and its notes.</param>
internal sealed record TrackHarmonyResponse(string TrackId, double DurationSeconds, int NoteCount, HarmonyKey? Key, IReadOnlyList<HarmonyChord> Chords, HarmonyLinks Links)
{
    /// <summary>The harmony of <paramref name="features"/>, the features of <paramref name="noteCount"/> notes of track <paramref name="trackId"/>.</summary>
    public static TrackHarmonyResponse From(string trackId, double durationSeconds, int noteCount, NoteFeatures features)
    {
        HarmonyKey? key = features.Track.Key is { } k
            ? new HarmonyKey(PitchClasses.NameOf(k.Tonic), k.Mode == KeyMode.Major ? "major" : "minor", k.Name, Math.Round(k.Strength, 4))
            : null;
        return new TrackHarmonyResponse(trackId, durationSeconds, noteCount, key, [.. features.ChordSpans(durationSeconds).Select(c => new HarmonyChord(c.StartSeconds, Math.Round(c.EndSeconds, 3), c.Chord.Name))], HarmonyLinks.For(trackId));
    }
}

/// <summary>A key found in notes.</summary>
/// <param name="Tonic">The tonic's name: C, C#, D … B.</param>
/// <param name="Mode"><c>major</c> or <c>minor</c>.</param>
/// <param name="Label">Both, e.g. "C# minor".</param>
/// <param name="Strength">The correlation of the key's profile with the notes' pitch-class durations (about 0.6 and above is a clear key), 4 decimals.</param>
internal sealed record HarmonyKey(string Tonic, string Mode, string Label, double Strength);

/// <summary>A chord sounding from <paramref name="Start"/> to <paramref name="End"/> seconds.</summary>
/// <param name="Start">Start, in seconds (a whole second).</param>
/// <param name="End">End, in seconds (a whole second, or the end of the audio).</param>
/// <param name="Label">The chord: root and quality, e.g. "Am", "G7", "Bdim", "Csus4".</param>
internal sealed record HarmonyChord(double Start, double End, string Label);

/// <summary>Where to find what the harmony belongs to.</summary>
/// <param name="Self">The harmony.</param>
/// <param name="Track">The track.</param>
/// <param name="NotesMidi">The notes it was derived from, as MIDI.</param>
internal sealed record HarmonyLinks(string Self, string Track, string NotesMidi)
{
    /// <summary>The links of track <paramref name="id"/>'s harmony.</summary>
    public static HarmonyLinks For(string id)
    {
        string track = $"/api/tracks/{id}";
        return new HarmonyLinks(track + "/harmony", track, track + "/notes.mid");
    }
}
