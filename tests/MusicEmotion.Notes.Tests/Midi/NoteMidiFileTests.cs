using MusicEmotion.Notes.Midi;
using MusicEmotion.Tests.Shared;
using NAudio.Midi;

namespace MusicEmotion.Notes.Tests.Midi;

/// <summary>MIDI export: written with NAudio.Midi, reopened with it and compared.</summary>
public sealed class NoteMidiFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static NoteEvent Note(double start, double end, int pitch, float amplitude, params float[] bends) =>
        new(start, end, pitch, amplitude, bends.Select((b, i) => new PitchBend(start + (i * 0.0116), b)).ToArray());

    private static readonly NoteTranscription Transcription = new("test", 4, 100, [
        Note(0.0, 0.5, 60, 0.8f, 0, 0, 0),
        Note(0.5, 1.0, 64, 0.5f),
        Note(0.6, 1.6, 67, 1.0f, 0, 1f / 3, 2f / 3, 1, 3),   // bends, one beyond the ±2 semitone range
        Note(0.7, 1.2, 71, 0.25f, -1f / 3, -1f / 3),        // bends while the 67 does: a channel of its own
        Note(2.0, 2.01, 72, 0.01f),                         // shorter than a tick at most tempos, quietest velocity
    ]);

    [Fact]
    public void A_transcription_is_written_as_one_track_at_its_tempo_and_read_back()
    {
        string path = _dir.File("song.mid");
        NoteMidiFile.Save(Transcription, path);

        var midi = new MidiFile(path, strictChecking: true);
        midi.FileFormat.Should().Be(0);
        midi.Tracks.Should().Be(1);
        midi.DeltaTicksPerQuarterNote.Should().Be(480);
        midi.Events[0].OfType<TempoEvent>().Should().ContainSingle().Which.MicrosecondsPerQuarterNote.Should().Be(600_000, "100 BPM");
        var ons = midi.Events[0].OfType<NoteOnEvent>().Where(e => e.Velocity > 0).OrderBy(e => e.AbsoluteTime).ThenBy(e => e.NoteNumber).ToList();
        ons.Select(e => e.NoteNumber).Should().Equal(60, 64, 67, 71, 72);
        ons.Select(e => e.Velocity).Should().Equal(102, 64, 127, 32, 1);
        ons.Select(e => e.AbsoluteTime).Should().Equal([0L, 400L, 480L, 560L, 1600L], "0.8 ticks per ms at 100 BPM and 480 per quarter");
        ons.Select(e => e.OffEvent!.AbsoluteTime).Should().Equal(400L, 800L, 1280L, 960L, 1608L);

        IReadOnlyList<NoteEvent> back = NoteMidiFile.ReadNotes(path);
        back.Should().HaveCount(5);
        for (int i = 0; i < back.Count; i++)
        {
            back[i].Pitch.Should().Be(Transcription.Notes[i].Pitch);
            back[i].StartSeconds.Should().BeApproximately(Transcription.Notes[i].StartSeconds, 0.6 / 480 / 2);
            back[i].EndSeconds.Should().BeApproximately(Math.Max(Transcription.Notes[i].EndSeconds, back[i].StartSeconds + (0.6 / 480)), 0.6 / 480 / 2);
            back[i].Amplitude.Should().BeApproximately(Math.Max(Transcription.Notes[i].Amplitude, 1 / 127f), 0.5f / 127);
        }
    }

    [Fact]
    public void Pitch_bends_are_pitch_bend_events_on_channels_of_their_own()
    {
        using var stream = new MemoryStream();
        NoteMidiFile.Write(Transcription, stream);
        stream.Position = 0;
        var midi = new MidiFile(stream, strictChecking: true);
        IList<MidiEvent> events = midi.Events[0];
        var ons = events.OfType<NoteOnEvent>().Where(e => e.Velocity > 0).ToDictionary(e => e.NoteNumber);

        ons[60].Channel.Should().Be(1, "a note that does not bend stays on channel 1");
        ons[64].Channel.Should().Be(1);
        ons[67].Channel.Should().NotBe(1).And.NotBe(10);
        ons[71].Channel.Should().NotBe(1).And.NotBe(10).And.NotBe(ons[67].Channel, "both bend at the same time");
        int[] wheel67 = events.OfType<PitchWheelChangeEvent>().Where(e => e.Channel == ons[67].Channel && e.AbsoluteTime < ons[67].OffEvent!.AbsoluteTime)
            .Select(e => e.Pitch).ToArray();
        wheel67.Should().Equal([8192, 8192 + 1365, 8192 + 2731, 8192 + 4096, 16383], "4096 per semitone (±2 semitones), the last clipped");
        events.OfType<PitchWheelChangeEvent>().Where(e => e.Channel == ons[71].Channel).Select(e => e.Pitch).Should().Equal(8192 - 1365, 8192);
        events.OfType<PitchWheelChangeEvent>().Should().NotContain(e => e.Channel == 1);
        events.OfType<ControlChangeEvent>().Where(e => e.Channel == ons[67].Channel).Select(e => ((int)e.Controller, e.ControllerValue))
            .Should().Equal((101, 0), (100, 0), (6, 2), (38, 0), (101, 127), (100, 127));
        events.OfType<PatchChangeEvent>().Should().OnlyContain(e => e.Patch == 0);
    }

    [Fact]
    public void Options_choose_tempo_resolution_bends_range_and_program()
    {
        using var stream = new MemoryStream();
        NoteMidiFile.Write(Transcription with { TempoBpm = 0 }, stream, new MidiExportOptions { TicksPerQuarterNote = 96, PitchBendRangeSemitones = 12, Program = 40 });
        stream.Position = 0;
        var midi = new MidiFile(stream, strictChecking: true);

        midi.Events[0].OfType<TempoEvent>().Single().MicrosecondsPerQuarterNote.Should().Be(500_000, "no tempo estimate: 120 BPM");
        midi.DeltaTicksPerQuarterNote.Should().Be(96);
        midi.Events[0].OfType<PatchChangeEvent>().Should().OnlyContain(e => e.Patch == 40);
        midi.Events[0].OfType<PitchWheelChangeEvent>().Max(e => e.Pitch).Should().Be(8192 + 2048, "3 semitones of a 12-semitone range");

        using var straight = new MemoryStream();
        NoteMidiFile.Write(Transcription, straight, new MidiExportOptions { IncludePitchBends = false, TempoBpm = 60 });
        straight.Position = 0;
        var plain = new MidiFile(straight, strictChecking: true);
        plain.Events[0].OfType<PitchWheelChangeEvent>().Should().BeEmpty();
        plain.Events[0].OfType<NoteOnEvent>().Should().OnlyContain(e => e.Channel == 1);
        plain.Events[0].OfType<TempoEvent>().Single().MicrosecondsPerQuarterNote.Should().Be(1_000_000);
        FluentActions.Invoking(() => NoteMidiFile.Write(Transcription, new MemoryStream(), new MidiExportOptions { Program = 128 })).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Saving_replaces_the_file_whole_and_leaves_nothing_behind_on_failure()
    {
        string path = _dir.File("song.mid");
        File.WriteAllText(path, "old");

        NoteMidiFile.Save(Transcription, path);
        FluentActions.Invoking(() => NoteMidiFile.Save(Transcription, path, new MidiExportOptions { TicksPerQuarterNote = 1 })).Should().Throw<ArgumentException>();

        NoteMidiFile.ReadNotes(path).Should().HaveCount(5, "the failed save did not touch the file");
        Directory.GetFiles(_dir.Path).Should().Equal(path);
    }

    [Fact]
    public void Reading_something_that_is_not_midi_is_a_clear_error()
    {
        string text = _dir.Write("notes.mid", "MThd but not really"u8.ToArray());
        string truncated = _dir.File("truncated.mid");
        NoteMidiFile.Save(Transcription, truncated);
        byte[] whole = File.ReadAllBytes(truncated);
        File.WriteAllBytes(truncated, whole[..(whole.Length / 2)]);

        FluentActions.Invoking(() => NoteMidiFile.ReadNotes(text)).Should().Throw<InvalidDataException>().WithMessage($"{text}: not a readable MIDI file*");
        FluentActions.Invoking(() => NoteMidiFile.ReadNotes(truncated)).Should().Throw<InvalidDataException>();
        FluentActions.Invoking(() => NoteMidiFile.ReadNotes(_dir.File("missing.mid"))).Should().Throw<FileNotFoundException>();
    }

    [Fact]
    public void Tempo_changes_are_followed_when_reading()
    {
        var events = new MidiEventCollection(1, 100);
        events.AddTrack();
        events.AddTrack();
        events.AddEvent(new TempoEvent(1_000_000, 0), 0);   // 60 BPM: 100 ticks = 1 s
        events.AddEvent(new TempoEvent(500_000, 200), 0);   // 120 BPM from tick 200 (2 s): 100 ticks = 0.5 s
        var first = new NoteOnEvent(100, 1, 60, 100, 100);  // 1 s … 2 s
        var second = new NoteOnEvent(300, 1, 62, 100, 200); // 2.5 s … 3.5 s
        var drum = new NoteOnEvent(0, 10, 36, 100, 10);
        foreach (MidiEvent e in new MidiEvent[] { first, first.OffEvent!, second, second.OffEvent!, drum, drum.OffEvent! })
        {
            events.AddEvent(e, 1);
        }

        events.PrepareForExport();
        string path = _dir.File("tempo.mid");
        MidiFile.Export(path, events);

        IReadOnlyList<NoteEvent> notes = NoteMidiFile.ReadNotes(path);

        notes.Select(n => (n.Pitch, n.StartSeconds, n.EndSeconds)).Should().Equal((60, 1.0, 2.0), (62, 2.5, 3.5));
    }
}
