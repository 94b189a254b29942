using MusicEmotion.Evaluation.TempoKey;
using MusicEmotion.Features.Descriptors;
using MusicEmotion.Notes;
using NAudio.Midi;

namespace MusicEmotion.Evaluation.Tests.TempoKey;

public sealed class StatedTempoKeyTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Reads_the_tempo_governing_the_notes_and_the_first_key_signature()
    {
        string steady = Write("steady.mid", [(0, 100)], key: (2, 1)); // two sharps, minor: B minor
        string changing = Write("changing.mid", [(0, 90), (4 * 480 * 2, 140)], key: null); // 90 BPM for half the notes, then 140
        string flats = Write("flats.mid", [(0, 120)], key: (-3, 0)); // three flats, major: E-flat major

        StatedTempoKey a = StatedTempoKey.Read(steady), b = StatedTempoKey.Read(changing), c = StatedTempoKey.Read(flats);

        a.TempoBpm.Should().BeApproximately(100, 0.01);
        a.Key.Should().Be(new MusicalKey(11, MusicalMode.Minor, 1));
        b.TempoBpm.Should().BeNull();
        b.TempoNote.Should().Contain("the tempo changes");
        b.Key.Should().BeNull();
        c.Key.Should().Be(new MusicalKey(3, MusicalMode.Major, 1));
    }

    [Fact]
    public void A_file_that_is_not_midi_is_a_dataset_error()
    {
        string path = Path.Combine(_folder.Path, "not.mid");
        File.WriteAllText(path, "not midi");
        FluentActions.Invoking(() => StatedTempoKey.Read(path)).Should().Throw<DatasetFormatException>().WithMessage("*not a readable MIDI file*");
    }

    [Theory]
    [InlineData(120, 121, true, true)]
    [InlineData(120, 126, false, false)]
    [InlineData(120, 61, false, true)]
    [InlineData(90, 178, false, true)]
    [InlineData(90, 0, false, false)]
    public void Tempo_counts_within_4_percent_and_allowing_double_or_half(double stated, double estimated, bool exact, bool octave)
    {
        var result = new TempoKeyResult("t", "t", stated, null, estimated, new MusicalKey(0, MusicalMode.Major, 1));
        result.TempoExact.Should().Be(exact);
        result.TempoOctave.Should().Be(octave);
    }

    [Fact]
    public void Key_counts_exact_and_with_fifths_and_relatives()
    {
        var c = new MusicalKey(0, MusicalMode.Major, 1);
        Result(c, new MusicalKey(0, MusicalMode.Major, 0.8)).KeyExact.Should().BeTrue();
        Result(c, new MusicalKey(9, MusicalMode.Minor, 0.8)).Should().Match<TempoKeyResult>(r => !r.KeyExact && r.KeyClose);
        Result(c, new MusicalKey(7, MusicalMode.Major, 0.8)).Should().Match<TempoKeyResult>(r => !r.KeyExact && r.KeyClose);
        Result(c, new MusicalKey(0, MusicalMode.Minor, 0.8)).KeyClose.Should().BeFalse("the parallel key is not close here");
        Result(c, new MusicalKey(6, MusicalMode.Major, 0.8)).KeyClose.Should().BeFalse();

        static TempoKeyResult Result(MusicalKey stated, MusicalKey estimated) => new("t", "t", null, stated, 0, estimated);
    }

    [Fact]
    public void The_key_from_notes_counts_like_the_audio_key_and_the_report_sets_them_side_by_side()
    {
        var c = new MusicalKey(0, MusicalMode.Major, 1);
        TempoKeyResult exact = new("vgmidi", "a", null, c, 0, new MusicalKey(9, MusicalMode.Minor, 0.8)) { NoteKey = c, NotesTranscribed = true };
        TempoKeyResult fifth = new("vgmidi", "b", null, c, 0, c) { NoteKey = new MusicalKey(7, MusicalMode.Major, 0.7), NotesTranscribed = true };
        TempoKeyResult none = new("vgmidi", "c", null, c, 0, c) { NoteKey = null, NotesTranscribed = true };

        exact.Should().Match<TempoKeyResult>(r => r.NoteKeyExact && r.NoteKeyClose && !r.KeyExact && r.KeyClose);
        fifth.Should().Match<TempoKeyResult>(r => !r.NoteKeyExact && r.NoteKeyClose && r.KeyExact);
        none.Should().Match<TempoKeyResult>(r => !r.NoteKeyExact && !r.NoteKeyClose);
        string table = TempoKeyReport.Table([exact, fifth, none], 0.6);
        table.Should().Contain("| vgmidi | 3 | 33.3 % (1) | 66.7 % (2) | 1 | 66.7 % (2) | 100.0 % (3) | 0.0 % (0) | 0.0 % (0) |",
            "notes: exact once, close twice, once no key; audio: exact twice, close three times; never both exact, never the same key");
        TempoKeyReport.Json([exact]).Should().Contain("\"noteKey\":\"C major\"").And.Contain("\"noteKeyExact\":true");
    }

    [Fact]
    public async Task A_rendered_cadence_in_C_major_reads_C_major_from_its_notes()
    {
        if (!File.Exists(TempoKeyBenchmark.SoundFont))
        {
            Assert.Fail($"this test renders MIDI with FluidSynth and {TempoKeyBenchmark.SoundFont}: run scripts/ensure-prerequisites.sh (apt-get install fluidsynth fluid-soundfont-gm)");
        }

        string midi = WriteCadence("cadence.mid");
        using var transcriber = new NoteTranscriber();

        IReadOnlyList<TempoKeyResult> results = await TempoKeyBenchmark.RenderedAsync("t", [midi], 1, null, transcriber, CancellationToken.None);

        TempoKeyResult result = results.Should().ContainSingle().Subject;
        result.StatedKey.Should().Be(new MusicalKey(0, MusicalMode.Major, 1));
        result.NotesTranscribed.Should().BeTrue();
        result.NoteKey.Should().NotBeNull();
        result.NoteKey!.Value.Name.Should().Be("C major", "a I–IV–V–I cadence in C major, played four times");
        result.NoteKeyExact.Should().BeTrue();
    }

    private string WriteCadence(string name)
    {
        const int Ticks = 480;
        var events = new MidiEventCollection(1, Ticks);
        events.AddTrack();
        events[0].Add(new TempoEvent(500_000, 0)); // 120 BPM
        events[0].Add(new KeySignatureEvent(0, 0, 0)); // C major
        int[][] chords = [[48, 60, 64, 67], [53, 60, 65, 69], [55, 59, 62, 67], [48, 60, 64, 67]]; // C, F, G, C
        long time = 0;
        for (int round = 0; round < 4; round++)
        {
            foreach (int[] chord in chords)
            {
                foreach (int pitch in chord)
                {
                    var on = new NoteOnEvent(time, 1, pitch, 90, 2 * Ticks - 40);
                    events[0].Add(on);
                    events[0].Add(on.OffEvent!);
                }

                time += 2 * Ticks;
            }
        }

        events.PrepareForExport();
        string path = Path.Combine(_folder.Path, name);
        MidiFile.Export(path, events);
        return path;
    }

    private string Write(string name, (long Time, double Bpm)[] tempos, (int SharpsFlats, int Minor)? key)
    {
        const int Ticks = 480;
        var events = new MidiEventCollection(1, Ticks);
        events.AddTrack();
        foreach ((long time, double bpm) in tempos)
        {
            events[0].Add(new TempoEvent((int)Math.Round(60_000_000 / bpm), time));
        }

        if (key is { } k)
        {
            events[0].Add(new KeySignatureEvent(k.SharpsFlats, k.Minor, 0));
        }

        for (int beat = 0; beat < 16; beat++)
        {
            var on = new NoteOnEvent(beat * Ticks, 1, 60, 100, Ticks / 2);
            events[0].Add(on);
            events[0].Add(on.OffEvent!);
        }

        events.PrepareForExport();
        string path = Path.Combine(_folder.Path, name);
        MidiFile.Export(path, events);
        return path;
    }
}
