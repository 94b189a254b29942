using MusicEmotion.Notes;

namespace MusicEmotion.Cli.Output;

/// <summary>
/// EXTENSION POINT (issue 17, derived features): what <c>mer notes</c> shows beside the notes when a source of harmony
/// is plugged in: the key and the chords over time. The features from notes (key and mode from note durations, a chord
/// per beat or second) are built in their own package; until it is referenced, <see cref="Commands.NotesCommand"/> runs with no
/// source and the table, JSON and CSV carry no key and no chords (never invented values). To plug it in, implement
/// <see cref="INotesHarmonySource"/> over that package's types and pass it in <see cref="MerApp.CreateRootCommand"/>.
/// </summary>
internal interface INotesHarmonySource
{
    /// <summary>The key and chords of <paramref name="transcription"/>; either may be null when the source cannot tell.</summary>
    NotesHarmony Describe(NoteTranscription transcription, CancellationToken cancellationToken);
}

/// <summary>What an <see cref="INotesHarmonySource"/> found.</summary>
/// <param name="Key">The key, or null when there is none to report.</param>
/// <param name="Chords">The chords in time order, or null when there are none to report.</param>
internal sealed record NotesHarmony(NotesKey? Key, IReadOnlyList<NotesChord>? Chords);

/// <summary>A key: tonic (e.g. "A", "F#"), mode ("major" or "minor") and how clearly the notes say so, on [0, 1].</summary>
internal sealed record NotesKey(string Tonic, string Mode, double Strength)
{
    /// <summary>"A minor".</summary>
    public string Label => $"{Tonic} {Mode}";
}

/// <summary>A chord sounding from <paramref name="StartSeconds"/> to <paramref name="EndSeconds"/>, e.g. "Am", "G7", "Bdim".</summary>
internal sealed record NotesChord(double StartSeconds, double EndSeconds, string Label);
