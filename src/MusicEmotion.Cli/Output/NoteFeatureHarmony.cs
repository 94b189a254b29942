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
        List<NotesChord> chords = Spans(features.Chords, transcription.DurationSeconds);
        return new NotesHarmony(KeyOf(features.Track.Key), chords.Count > 0 ? chords : null);
    }

    /// <summary>The CLI's form of a key found in notes, or null.</summary>
    public static NotesKey? KeyOf(MusicalKey? key) =>
        key is { } k ? new NotesKey(PitchClasses.NameOf(k.Tonic), k.Mode == KeyMode.Major ? "major" : "minor", k.Strength) : null;

    /// <summary>Chords of consecutive seconds joined into spans (the last one ends with the audio).</summary>
    private static List<NotesChord> Spans(IReadOnlyList<ChordLabel?> perSecond, double durationSeconds)
    {
        var spans = new List<NotesChord>();
        int s = 0;
        while (s < perSecond.Count)
        {
            if (perSecond[s] is not { } chord)
            {
                s++;
                continue;
            }

            int first = s;
            while (s < perSecond.Count && perSecond[s] is { } next && next.Root == chord.Root && next.Quality == chord.Quality)
            {
                s++;
            }

            spans.Add(new NotesChord(first, Math.Min(s, durationSeconds), chord.Name));
        }

        return spans;
    }
}
