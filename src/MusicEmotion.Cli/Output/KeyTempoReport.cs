using MusicEmotion.Features.Descriptors;
using MusicEmotion.Notes.Harmony;
using MusicalKey = MusicEmotion.Features.Descriptors.MusicalKey;
using NoteKey = MusicEmotion.Notes.Harmony.MusicalKey;

namespace MusicEmotion.Cli.Output;

/// <summary>
/// What <c>mer analyze --notes</c> adds to the table and JSON: the tempo and the chroma key of the track's descriptors
/// (what <c>--format spotify</c>, the catalog and the recommender use) beside the key and mode found in the transcribed
/// notes (<see cref="Notes.Harmony.KeyFinder"/>: Krumhansl–Kessler profiles against note durations). Both strengths are
/// the Pearson correlation of the key's profile with the track's pitch classes (chroma energy, note durations), so they
/// compare; about 0.6 and above is a clear key. A part that was not found is null, never a guess.
/// </summary>
/// <param name="TempoBpm">Tempo of the onset envelope, or null when no beat was found.</param>
/// <param name="ChromaKey">The key of the chroma, or null when the chroma names none (silence: no correlation).</param>
/// <param name="NotesKey">The key of the notes, or null when they name none (silence, a note or two).</param>
internal sealed record KeyTempoReport(double? TempoBpm, NotesKey? ChromaKey, NotesKey? NotesKey)
{
    /// <summary>The report of a track's <paramref name="descriptors"/> and the key of its notes.</summary>
    public static KeyTempoReport From(TrackDescriptors descriptors, NoteKey? notesKey)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        float tempo = descriptors.TempoBpm;
        MusicalKey chroma = descriptors.Key;
        NotesKey? chromaKey = chroma.Strength > 0 && double.IsFinite(chroma.Strength)
            ? new NotesKey(PitchClasses.NameOf(chroma.Tonic), chroma.Mode == MusicalMode.Major ? "major" : "minor", chroma.Strength)
            : null;
        return new KeyTempoReport(tempo > 0 && float.IsFinite(tempo) ? tempo : null, chromaKey, NoteFeatureHarmony.KeyOf(notesKey));
    }
}
