using MusicEmotion.Notes.Analysis;
using MusicEmotion.Notes.Harmony;
using MusicEmotion.Notes.Melody;
using MusicEmotion.Notes.Texture;

namespace MusicEmotion.Notes.Tests.Analysis;

/// <summary>The note features on hand-written notes whose answers are known.</summary>
public sealed class NoteFeatureUnitTests
{
    private static NoteEvent N(double start, double end, int pitch, float amplitude = 0.8f, IReadOnlyList<PitchBend>? bends = null) =>
        new(start, end, pitch, amplitude, bends ?? []);

    private static NoteEvent[] Chord(double start, double end, params int[] pitches) => [.. pitches.Select(p => N(start, end, p))];

    [Theory]
    [InlineData(new[] { 60, 62, 64, 65, 67, 69, 71 }, 0, KeyMode.Major)]       // C major scale
    [InlineData(new[] { 57, 59, 60, 62, 64, 65, 68 }, 9, KeyMode.Minor)]       // A harmonic minor
    [InlineData(new[] { 66, 68, 70, 71, 73, 75, 77 }, 6, KeyMode.Major)]       // F# major
    [InlineData(new[] { 62, 64, 65, 67, 69, 70, 73 }, 2, KeyMode.Minor)]       // D harmonic minor
    public void The_key_of_a_scale_with_its_tonic_and_fifth_held_longer_is_found(int[] scale, int tonic, KeyMode mode)
    {
        // Tonic and dominant sound longest, as they do in music.
        var notes = scale.Select((p, i) => N(i * 0.5, (i * 0.5) + (i is 0 or 4 ? 1.5 : 0.4), p)).ToList();

        MusicalKey? key = KeyFinder.Find(notes, 0, 10);

        key.Should().NotBeNull();
        key!.Value.Tonic.Should().Be(tonic);
        key.Value.Mode.Should().Be(mode);
        key.Value.Strength.Should().BeGreaterThan(0.6);
        (key.Value.ModeContrast > 0).Should().Be(mode == KeyMode.Major);
    }

    [Fact]
    public void No_notes_or_too_few_give_no_key_rather_than_a_guess()
    {
        KeyFinder.Find([], 0, 10).Should().BeNull();
        KeyFinder.Find([N(0, 5, 60), N(0, 5, 67)], 0, 10).Should().BeNull("two pitch classes name no key");
        KeyFinder.Find([N(0, 0.2, 60), N(0.2, 0.4, 64), N(0.4, 0.6, 67)], 0, 10).Should().BeNull("0.6 s of sound is too little");
    }

    [Theory]
    [InlineData(new[] { 48, 64, 67 }, "C", ChordFamily.Major)]
    [InlineData(new[] { 57, 60, 64 }, "Am", ChordFamily.Minor)]
    [InlineData(new[] { 55, 59, 62, 65 }, "G7", ChordFamily.Major)]
    [InlineData(new[] { 53, 57, 60, 64 }, "Fmaj7", ChordFamily.Major)]
    [InlineData(new[] { 52, 55, 59, 62 }, "Em7", ChordFamily.Minor)]
    [InlineData(new[] { 59, 62, 65 }, "Bdim", ChordFamily.Diminished)]
    [InlineData(new[] { 59, 62, 65, 69 }, "Bm7b5", ChordFamily.Diminished)]
    [InlineData(new[] { 61, 64, 67, 70 }, "C#dim7", ChordFamily.Diminished)]
    [InlineData(new[] { 60, 64, 68 }, "Caug", ChordFamily.Augmented)]
    [InlineData(new[] { 62, 67, 69 }, "Dsus4", ChordFamily.Suspended)]
    [InlineData(new[] { 62, 64, 69 }, "Dsus2", ChordFamily.Suspended)]
    public void Chords_are_named_with_root_and_quality(int[] pitches, string name, ChordFamily family)
    {
        ChordLabel? chord = ChordRecognizer.Recognize(Chord(0, 1, pitches), 0, 1);

        chord.Should().NotBeNull();
        chord!.Value.Name.Should().Be(name);
        chord.Value.Family.Should().Be(family);
        chord.Value.HasSeventh.Should().Be(pitches.Length == 4);
        chord.Value.Fit.Should().BeApproximately(1, 1e-9, "exactly the chord's tones sound, equally long");
    }

    [Fact]
    public void One_note_or_silence_is_no_chord()
    {
        ChordRecognizer.Recognize([], 0, 1).Should().BeNull();
        ChordRecognizer.Recognize([N(0, 1, 60), N(0, 1, 72)], 0, 1).Should().BeNull("an octave is one pitch class");
    }

    [Fact]
    public void Dissonance_weighs_intervals_by_how_long_they_overlap()
    {
        Dissonance.Of([N(0, 1, 60), N(0, 1, 67)], 0, 1).Should().BeApproximately(0.1, 1e-12, "a fifth");
        Dissonance.Of([N(0, 1, 60), N(0, 1, 61)], 0, 1).Should().BeApproximately(1, 1e-12, "a semitone");
        Dissonance.Of([N(0, 1, 60), N(0, 1, 71 + 12)], 0, 1).Should().BeApproximately(1, 1e-12, "a major seventh over an octave is interval class 1");
        // A fifth for 1 s and a tritone for 0.5 s: (1·0.1 + 0.5·0.7) / 1.5.
        Dissonance.Of([N(0, 1, 60), N(0, 1, 67), N(1, 1.5, 60), N(1, 1.5, 66)], 0, 2).Should().BeApproximately(0.45 / 1.5, 1e-12);
        Dissonance.Of([N(0, 1, 60), N(1, 2, 61)], 0, 2).Should().BeNull("notes one after the other are no simultaneity");
    }

    [Fact]
    public void The_melody_is_the_upper_line_over_the_chords_and_quiet_high_notes_do_not_take_it()
    {
        NoteEvent[] notes =
        [
            .. Chord(0, 2, 48, 52, 55),
            N(0, 0.5, 72), N(0.5, 1, 74), N(1, 1.5, 76, 0.9f),
            N(1.2, 1.4, 88, 0.1f),            // a faint high partial
            N(1.5, 2, 79),
        ];

        IReadOnlyList<NoteEvent> melody = MelodyExtractor.Extract(notes);

        melody.Select(n => n.Pitch).Should().Equal(72, 74, 76, 79);
        melody.Zip(melody.Skip(1)).Should().OnlyContain(p => p.First.EndSeconds <= p.Second.StartSeconds, "the line does not overlap itself");
    }

    [Fact]
    public void Vibrato_and_glissando_are_read_from_the_pitch_curve()
    {
        const double frame = 256.0 / 22050;
        PitchBend[] vibrato = [.. Enumerable.Range(0, 86).Select(i => new PitchBend(i * frame, (float)Math.Round(3 * 0.4 * Math.Sin(2 * Math.PI * 6 * i * frame)) / 3))];
        PitchBend[] glide = [.. Enumerable.Range(0, 86).Select(i => new PitchBend(i * frame, (float)Math.Round(3 * 2.0 * i / 85) / 3))];
        PitchBend[] steady = [.. Enumerable.Range(0, 86).Select(i => new PitchBend(i * frame, 0))];

        PitchCurve v = PitchCurve.Of(N(0, 1, 69, bends: vibrato));
        PitchCurve g = PitchCurve.Of(N(0, 1, 69, bends: glide));
        PitchCurve s = PitchCurve.Of(N(0, 1, 69, bends: steady));

        v.HasVibrato.Should().BeTrue();
        v.VibratoRateHz!.Value.Should().BeApproximately(6, 0.8, "6 Hz, read from sign changes at the model's 86 frames per second");
        v.VibratoExtentSemitones!.Value.Should().BeApproximately(1.0 / 3, 0.08, "±0.4 semitone rounded to the model's thirds of a semitone swings ±1/3");
        v.IsGlissando.Should().BeFalse();
        g.IsGlissando.Should().BeTrue();
        g.GlideSemitones.Should().BeApproximately(2, 0.2);
        g.HasVibrato.Should().BeFalse();
        s.HasVibrato.Should().BeFalse();
        s.IsGlissando.Should().BeFalse();
    }

    [Fact]
    public void Texture_counts_onsets_polyphony_coverage_and_articulation()
    {
        NoteEvent[] staccato = [.. Enumerable.Range(0, 8).Select(i => N(i * 0.25, (i * 0.25) + 0.05, 60))];
        NoteEvent[] legato = [.. Enumerable.Range(0, 8).Select(i => N(i * 0.25, (i * 0.25) + 0.25, 60))];

        NoteTexture s = NoteTexture.Of(staccato, 0, 1);
        NoteTexture l = NoteTexture.Of(legato, 0, 1);
        NoteTexture chord = NoteTexture.Of(Chord(0, 0.5, 60, 64, 67), 0, 1);

        s.OnsetRate.Should().Be(4);
        s.Articulation!.Value.Should().BeApproximately(0.2, 1e-9);
        s.Coverage.Should().BeApproximately(0.2, 1e-9);
        l.Articulation!.Value.Should().BeApproximately(1, 1e-9);
        l.Coverage.Should().BeApproximately(1, 1e-9);
        l.Polyphony.Should().BeApproximately(1, 1e-9);
        chord.Polyphony.Should().BeApproximately(1.5, 1e-9, "three notes for half the second");
        chord.Articulation.Should().BeNull("no later onset to measure against");
        NoteTexture.Of([], 0, 1).Should().Be(new NoteTexture(0, 0, 0, null, null));
    }

    [Fact]
    public void Silence_gives_a_row_per_second_with_no_key_no_chord_no_melody_and_zero_columns()
    {
        NoteFeatures features = NoteFeatureAnalyzer.Analyze([], 4.2);

        features.Seconds.Should().HaveCount(5, "every started second");
        features.Seconds.Should().OnlyContain(s => s.Harmony.Key == null && s.Harmony.Chord == null && s.Melody.Pitch == null && s.PitchMean == null);
        features.Track.Key.Should().BeNull();
        features.Track.MelodyRegister.Should().BeNull();
        NoteFeatureColumns.ToMatrix(features, NoteFeatureColumns.Kinds).Should().OnlyContain(v => v == 0);
    }

    [Fact]
    public void A_progression_gives_its_chords_per_second_key_and_harmonic_summary()
    {
        // C – F – G7 – Am – C – F – G7 – C, one chord per second, with a melody on top.
        int[][] chords = [[48, 52, 55], [53, 57, 60], [55, 59, 62, 65], [57, 60, 64], [48, 52, 55], [53, 57, 60], [55, 59, 62, 65], [48, 52, 55]];
        int[] tune = [72, 77, 74, 76, 79, 77, 74, 72];
        var notes = new List<NoteEvent>();
        for (int s = 0; s < chords.Length; s++)
        {
            notes.AddRange(Chord(s, s + 0.95, chords[s]));
            notes.Add(N(s, s + 0.45, tune[s]));
            notes.Add(N(s + 0.5, s + 0.95, tune[s] + 2));
        }

        NoteFeatures features = NoteFeatureAnalyzer.Analyze(notes, 8);

        features.Track.Key!.Value.Name.Should().Be("C major");
        features.Chords.Select(c => c?.Root).Should().Equal(0, 5, 7, 9, 0, 5, 7, 0);
        features.Seconds.Select(s => s.Harmony.Chord!.Value.Family).Should().Equal(
            ChordFamily.Major, ChordFamily.Major, ChordFamily.Major, ChordFamily.Minor, ChordFamily.Major, ChordFamily.Major, ChordFamily.Major, ChordFamily.Major);
        features.Track.MajorChordShare.Should().BeApproximately(7 / 8.0, 1e-9);
        features.Track.MinorChordShare.Should().BeApproximately(1 / 8.0, 1e-9);
        features.Seconds.Skip(1).Should().OnlyContain(s => s.Harmony.ChordChanged);
        features.Melody.Select(n => n.Pitch).Should().StartWith([72, 74, 77, 79]);
        features.Track.MelodyRangeSemitones.Should().Be(9, "72 … 81");
        features.Seconds[0].Melody.Contour.Should().Be(1, "the second's one interval rises");
        features.Seconds.Should().OnlyContain(s => s.Texture.OnsetRate >= 5 && s.Texture.Polyphony > 3);
    }
}
