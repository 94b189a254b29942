using MusicEmotion.Notes;

namespace MusicEmotion.Cli.Output;

/// <summary>
/// What <c>mer notes</c> shows beside the notes: the key and the chords over time. <see cref="MerApp.CreateRootCommand"/>
/// plugs in <see cref="NoteFeatureHarmony"/> (the Notes package's features from notes); without a source
/// (<see cref="Commands.NotesCommand"/> built with none, as some tests do) the table, JSON and CSV carry no key and no
/// chords (never invented values).
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

/// <summary>
/// A key: tonic (e.g. "A", "F#"), mode ("major" or "minor") and how clearly the notes say so: the correlation of the
/// notes' pitch-class durations with the key's profile (0 … 1 for a best key; about 0.6 and above is a clear key).
/// </summary>
internal sealed record NotesKey(string Tonic, string Mode, double Strength)
{
    /// <summary>"A minor".</summary>
    public string Label => $"{Tonic} {Mode}";
}

/// <summary>A chord sounding from <paramref name="StartSeconds"/> to <paramref name="EndSeconds"/>, e.g. "Am", "G7", "Bdim".</summary>
internal sealed record NotesChord(double StartSeconds, double EndSeconds, string Label);
