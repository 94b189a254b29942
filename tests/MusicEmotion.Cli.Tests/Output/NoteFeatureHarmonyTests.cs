using MusicEmotion.Cli.Output;
using MusicEmotion.Notes;

namespace MusicEmotion.Cli.Tests.Output;

/// <summary><see cref="NoteFeatureHarmony"/> on hand-written notes: chords joined into spans, gaps left out, no key without enough notes.</summary>
public sealed class NoteFeatureHarmonyTests
{
    [Fact]
    public void Seconds_of_one_chord_are_one_span_and_seconds_without_a_chord_are_left_out()
    {
        NoteEvent[] notes =
        [
            .. Chord(0, 2, 60, 64, 67),   // C for two seconds
            .. Chord(3, 4, 57, 60, 64),   // nothing in second 2, then A minor
            .. Chord(4, 5, 55, 59, 62, 65), // G7
        ];

        NotesHarmony harmony = NoteFeatureHarmony.Instance.Describe(new NoteTranscription("x", 5.5, 120, notes), CancellationToken.None);

        harmony.Chords.Should().Equal(new NotesChord(0, 2, "C"), new NotesChord(3, 4, "Am"), new NotesChord(4, 5, "G7"));
        harmony.Key.Should().NotBeNull();
        harmony.Key!.Label.Should().Be("C major");
        harmony.Key.Strength.Should().BeInRange(0, 1);
    }

    [Fact]
    public void A_single_short_note_names_no_key_and_no_chord()
    {
        NotesHarmony harmony = NoteFeatureHarmony.Instance.Describe(new NoteTranscription("x", 3, 0, [new NoteEvent(0.5, 0.9, 60, 0.8f, [])]), CancellationToken.None);

        harmony.Key.Should().BeNull();
        harmony.Chords.Should().BeNull();
    }

    [Fact]
    public void A_chord_running_to_the_end_ends_with_the_audio()
    {
        NotesHarmony harmony = NoteFeatureHarmony.Instance.Describe(new NoteTranscription("x", 2.5, 0, Chord(0, 2.5, 57, 60, 64)), CancellationToken.None);

        harmony.Chords.Should().Equal(new NotesChord(0, 2.5, "Am"));
    }

    private static NoteEvent[] Chord(double start, double end, params int[] pitches) =>
        [.. pitches.Select(p => new NoteEvent(start, end, p, 0.7f, []))];
}
