using MusicEmotion.Notes.Model;

namespace MusicEmotion.Notes.Tests.Decoding;

/// <summary>The note decoding rules on hand-made posteriorgrams, frame by frame.</summary>
public sealed class NoteDecodingTests
{
    private const int A4 = 48; // key of MIDI 69

    [Fact]
    public void An_onset_peak_starts_a_note_that_lasts_while_the_key_stays_active()
    {
        List<NoteEvent> notes = new Posteriorgram(100).Activate(A4, 10, 30, 0.8f).OnsetAt(A4, 10, 0.9f).Decode();

        NoteEvent note = notes.Should().ContainSingle().Subject;
        note.Pitch.Should().Be(69);
        note.StartSeconds.Should().Be(Posteriorgram.Time(10));
        note.EndSeconds.Should().Be(Posteriorgram.Time(30), "the note ends after its last active frame");
        note.Amplitude.Should().BeApproximately(0.8f, 1e-6f);
        note.PitchBends.Should().HaveCount(20).And.OnlyContain(b => b.Semitones == 0);
        note.PitchBends[0].TimeSeconds.Should().Be(note.StartSeconds);
    }

    [Fact]
    public void Frames_below_the_threshold_shorter_than_the_tolerance_do_not_end_a_note()
    {
        var shortDip = new Posteriorgram(120).Activate(A4, 10, 30, 0.8f).Activate(A4, 40, 60, 0.8f).OnsetAt(A4, 10, 0.9f); // 10 quiet frames
        var longDip = new Posteriorgram(120).Activate(A4, 10, 30, 0.8f).Activate(A4, 41, 61, 0.8f).OnsetAt(A4, 10, 0.9f); // 11 quiet frames

        var options = new NoteTranscriptionOptions { InferOnsets = false }; // the jump back up would be an inferred onset

        NoteEvent one = shortDip.Decode(options).Should().ContainSingle().Subject;
        one.EndSeconds.Should().Be(Posteriorgram.Time(60));
        one.Amplitude.Should().BeApproximately(0.8f * 40 / 50, 1e-6f, "the amplitude is the mean over every frame of the note, quiet ones included");

        List<NoteEvent> two = longDip.Decode(options);
        two.Should().HaveCount(2, "11 quiet frames (the default tolerance) end the first note; the rest has no onset but the melodia trick finds it");
        two[0].EndSeconds.Should().Be(Posteriorgram.Time(30));
        two[1].StartSeconds.Should().Be(Posteriorgram.Time(41));
    }

    [Fact]
    public void Notes_no_longer_than_the_minimum_are_dropped()
    {
        var five = new Posteriorgram(60).Activate(A4, 10, 15, 0.8f).OnsetAt(A4, 10, 0.9f);
        var six = new Posteriorgram(60).Activate(A4, 10, 16, 0.8f).OnsetAt(A4, 10, 0.9f);

        five.Decode(new NoteTranscriptionOptions { MelodiaTrick = false }).Should().BeEmpty();
        six.Decode(new NoteTranscriptionOptions { MelodiaTrick = false }).Should().ContainSingle();
        five.Decode(new NoteTranscriptionOptions { MelodiaTrick = false, MinimumNoteFrames = 4 }).Should().ContainSingle();
    }

    [Fact]
    public void Onsets_must_be_strict_peaks_above_the_threshold()
    {
        var plateau = new Posteriorgram(60).Activate(A4, 10, 30, 0.8f).OnsetAt(A4, 10, 0.9f).OnsetAt(A4, 11, 0.9f);
        var weak = new Posteriorgram(60).Activate(A4, 10, 30, 0.8f).OnsetAt(A4, 10, 0.5f);
        var options = new NoteTranscriptionOptions { MelodiaTrick = false, InferOnsets = false };

        plateau.Decode(options).Should().BeEmpty("two equal onset values are not a strict peak");
        weak.Decode(options).Should().BeEmpty("the onset must exceed the threshold (0.5)");
        weak.Decode(new NoteTranscriptionOptions { MelodiaTrick = false, InferOnsets = false, OnsetThreshold = 0.4 }).Should().ContainSingle();
    }

    [Fact]
    public void A_sudden_rise_of_the_activation_counts_as_an_onset_when_inferring_onsets()
    {
        // The onset output says nothing at frame 50, but the key jumps from silence: the rise, rescaled to the onsets'
        // maximum (0.9, from the note at 10), is a peak above the threshold.
        var p = new Posteriorgram(100).Activate(A4, 10, 30, 0.8f).OnsetAt(A4, 10, 0.9f).Activate(A4 + 5, 50, 70, 0.8f);

        p.Decode(new NoteTranscriptionOptions { MelodiaTrick = false }).Select(n => n.Pitch).Should().Equal(69, 74);
        p.Decode(new NoteTranscriptionOptions { MelodiaTrick = false, InferOnsets = false }).Select(n => n.Pitch).Should().Equal(69);
    }

    [Fact]
    public void The_melodia_trick_grows_a_note_around_the_strongest_activation_left()
    {
        var p = new Posteriorgram(80).Activate(A4, 20, 40, 0.6f).Activate(A4, 30, 31, 0.9f);
        var options = new NoteTranscriptionOptions { InferOnsets = false };

        NoteEvent note = p.Decode(options).Should().ContainSingle().Subject;
        note.StartSeconds.Should().Be(Posteriorgram.Time(20));
        note.EndSeconds.Should().Be(Posteriorgram.Time(39), "as in the reference, the walk forward stops one frame short of the last active one");
        p.Decode(new NoteTranscriptionOptions { InferOnsets = false, MelodiaTrick = false }).Should().BeEmpty();
    }

    [Fact]
    public void A_note_uses_up_its_neighbouring_keys()
    {
        var p = new Posteriorgram(80).Activate(A4, 10, 40, 0.8f).Activate(A4 + 1, 10, 40, 0.7f).Activate(A4 + 2, 10, 40, 0.7f).OnsetAt(A4, 10, 0.9f);

        p.Decode(new NoteTranscriptionOptions { InferOnsets = false }).Select(n => n.Pitch).Should().Equal([69, 71],
            "the semitone above the note is used up with it; the whole tone above is a note of its own (melodia)");
    }

    [Fact]
    public void Keys_outside_the_frequency_limits_are_ignored()
    {
        var p = new Posteriorgram(80).Activate(A4, 10, 30, 0.8f).OnsetAt(A4, 10, 0.9f).Activate(A4 + 12, 40, 60, 0.8f).OnsetAt(A4 + 12, 40, 0.9f);

        p.Decode(new NoteTranscriptionOptions { MaximumFrequencyHz = 440 }).Select(n => n.Pitch).Should().Equal(69);
        p.Decode(new NoteTranscriptionOptions { MinimumFrequencyHz = 441 }).Select(n => n.Pitch).Should().Equal(81);
        p.Decode(new NoteTranscriptionOptions { MinimumFrequencyHz = 440, MaximumFrequencyHz = 880 }).Select(n => n.Pitch).Should().Equal(69, 81);
    }

    [Fact]
    public void Pitch_bends_are_the_contour_peak_near_the_key_measured_from_its_nominal_bin()
    {
        var p = new Posteriorgram(60).Activate(A4, 10, 30, 0.8f).OnsetAt(A4, 10, 0.9f);
        for (int f = 10; f < 30; f++)
        {
            p.ContourPeak(f, (3 * A4) + (f < 20 ? 1 : 3)); // the nominal bin, then two bins (2/3 semitone) above it
        }

        p.ContourPeak(12, (3 * A4) + 1 + 36); // an octave up: beyond the ±25 bins searched
        p.ContourPeak(13, (3 * A4) + 1 + 4);  // 4/3 semitone up: within reach
        NoteEvent note = p.Decode().Should().ContainSingle().Subject;

        float[] expected = [.. Enumerable.Repeat(0f, 10), .. Enumerable.Repeat(2f / 3, 10)];
        expected[2] = -1f / 3; // a flat window: the Gaussian weighting picks the key's own bin, 3·key
        expected[3] = 4f / 3;
        note.PitchBends.Select(b => b.Semitones).Should().Equal(expected, (a, b) => Math.Abs(a - b) < 1e-6);
        note.PitchBends.Select(b => b.TimeSeconds).Should().Equal(Enumerable.Range(10, 20).Select(Posteriorgram.Time));
        p.Decode(new NoteTranscriptionOptions { IncludePitchBends = false }).Single().PitchBends.Should().BeEmpty();
    }

    [Fact]
    public void Handing_the_frames_over_in_any_chunks_gives_the_same_notes()
    {
        Posteriorgram p = Busy(900, seed: 3);

        List<NoteEvent> whole = p.Decode(chunk: 900);

        whole.Should().HaveCountGreaterThan(20);
        p.Decode(chunk: 1).Should().Equal(whole);
        p.Decode(chunk: 142).Should().Equal(whole);
    }

    [Fact]
    public void Cutting_blocks_at_silent_gaps_gives_exactly_the_notes_of_one_block()
    {
        // 60 s of phrases separated by short silences; the loudest onset and rise come first, so the running maxima
        // that scale the onsets are the whole track's from the first block on. Each phrase starts with an onset one
        // frame before its key rises, so a cut just before the rise would split the note: the cut must fall earlier.
        const int frames = 5200;
        var p = new Posteriorgram(frames).Activate(10, 5, 40, 1f).OnsetAt(10, 5, 1f);
        var random = new Random(7);
        for (int start = 60; start + 200 < frames; start += 150 + random.Next(100))
        {
            for (int i = 0; i < 6; i++)
            {
                int key = 20 + random.Next(60);
                int from = start + (i * 15);
                p.OnsetAt(key, from - 1, 0.6f + (0.3f * random.NextSingle())).Activate(key, from, from + 20 + random.Next(40), 0.4f + (0.5f * random.NextSingle()));
            }
        }

        List<NoteEvent> oneBlock = p.Decode(new NoteTranscriptionOptions(), 142, out int noCuts);
        List<NoteEvent> blocks = p.Decode(new NoteTranscriptionOptions { MaxBlockSeconds = 10 }, 142, out int forced);

        oneBlock.Should().HaveCountGreaterThan(150);
        noCuts.Should().Be(0);
        forced.Should().Be(0, "every block can end in a silent gap");
        blocks.Should().Equal(oneBlock);
    }

    [Fact]
    public void Dense_music_without_gaps_is_cut_at_its_quietest_point_and_still_decoded()
    {
        Posteriorgram p = Busy(4000, seed: 5, drone: true);

        List<NoteEvent> oneBlock = p.Decode(new NoteTranscriptionOptions(), 142, out _);
        List<NoteEvent> blocks = p.Decode(new NoteTranscriptionOptions { MaxBlockSeconds = 10 }, 142, out int forced);

        forced.Should().BeGreaterThan(0, "a drone sounds throughout: there is no gap");
        blocks.Count.Should().BeInRange(oneBlock.Count - (2 * forced), oneBlock.Count + (2 * forced), "only notes sounding at a cut can differ");
        blocks.Should().BeInAscendingOrder(n => n.StartSeconds);
    }

    [Fact]
    public void Frames_are_timed_by_the_window_rule()
    {
        BasicPitchGeometry.FrameSample(0).Should().Be(0);
        BasicPitchGeometry.FrameSample(141).Should().Be(141 * 256);
        BasicPitchGeometry.FrameSample(142).Should().Be(36164, "the second window's first kept frame, 68 samples after the previous frame");
        BasicPitchGeometry.FrameCount(0).Should().Be(0);
        BasicPitchGeometry.FrameCount(1).Should().Be(1);
        for (long n = 1; n < 200_000; n += 997)
        {
            long count = 0;
            while (BasicPitchGeometry.FrameSample(count) < n)
            {
                count++;
            }

            BasicPitchGeometry.FrameCount(n).Should().Be(count, $"every frame centred inside {n} samples");
        }
    }

    /// <summary>Many overlapping notes with onsets, at random.</summary>
    private static Posteriorgram Busy(int frames, int seed, bool drone = false)
    {
        var p = new Posteriorgram(frames);
        var random = new Random(seed);
        if (drone)
        {
            p.Activate(5, 0, frames, 0.9f).OnsetAt(5, 0, 0.9f);
        }

        for (int i = 0; i < frames / 12; i++)
        {
            int key = 15 + random.Next(70);
            int from = 1 + random.Next(frames - 60);
            p.OnsetAt(key, from, 0.5f + (0.5f * random.NextSingle())).Activate(key, from, from + 8 + random.Next(50), 0.3f + (0.6f * random.NextSingle()));
        }

        return p;
    }
}
