using MusicEmotion.Notes;
using MusicEmotion.Notes.Analysis;
using MusicEmotion.Notes.Harmony;

namespace MusicEmotion.Cli.Output;

/// <summary>
/// The <see cref="INotesHarmonySource"/> of <c>mer notes</c>: the Notes package's own features from notes
/// (<see cref="NoteFeatureAnalyzer"/>). The key is the whole track's (<see cref="KeyFinder"/>, Krumhansl–Kessler profiles
/// against note durations); the chords are <see cref="ChordRecognizer"/>'s chord of each second, with consecutive seconds
/// of the same chord joined into one span and seconds without a chord left out. Silence or too few notes give no key
/// and no chords (null), never a guess.
/// </summary>
internal sealed class NoteFeatureHarmony : INotesHarmonySource
{
    /// <summary>The shared instance (stateless).</summary>
    public static NoteFeatureHarmony Instance { get; } = new();

    /// <inheritdoc />
    public NotesHarmony Describe(NoteTranscription transcription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcription);
        cancellationToken.ThrowIfCancellationRequested();
        NoteFeatures features = NoteFeatureAnalyzer.Analyze(transcription);
        List<NotesChord> chords = [.. features.ChordSpans(transcription.DurationSeconds).Select(c => new NotesChord(c.StartSeconds, c.EndSeconds, c.Chord.Name))];
        return new NotesHarmony(KeyOf(features.Track.Key), chords.Count > 0 ? chords : null);
    }

    /// <summary>The CLI's form of a key found in notes, or null.</summary>
    public static NotesKey? KeyOf(MusicalKey? key) =>
        key is { } k ? new NotesKey(PitchClasses.NameOf(k.Tonic), k.Mode == KeyMode.Major ? "major" : "minor", k.Strength) : null;
}
