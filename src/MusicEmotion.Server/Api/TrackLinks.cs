namespace MusicEmotion.Server.Api;

/// <summary>Where to find a track's resources.</summary>
/// <param name="Self">The track.</param>
/// <param name="Audio">The stored audio (supports range requests).</param>
/// <param name="TimelineCsv">Per-second values as CSV.</param>
/// <param name="PlotPng">The rendered plot.</param>
/// <param name="Similar">Tracks like it.</param>
/// <param name="NotesMidi">The notes of its audio as MIDI (transcribed on first request).</param>
/// <param name="AudioFeatures">Its Spotify-style audio features.</param>
/// <param name="Harmony">The key and chords of its notes (from the same transcription as <paramref name="NotesMidi"/>).</param>
internal sealed record TrackLinks(string Self, string Audio, string TimelineCsv, string PlotPng, string Similar, string NotesMidi, string AudioFeatures, string Harmony)
{
    /// <summary>The links of track <paramref name="id"/>.</summary>
    public static TrackLinks For(string id)
    {
        string self = $"/api/tracks/{id}";
        return new TrackLinks(self, self + "/audio", self + "/timeline.csv", self + "/plot.png", self + "/similar", self + "/notes.mid", self + "/audio-features", self + "/harmony");
    }
}
