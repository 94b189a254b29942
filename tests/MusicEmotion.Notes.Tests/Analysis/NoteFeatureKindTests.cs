using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Features;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Cards;
using MusicEmotion.Notes.Analysis;
using MusicEmotion.Notes.Harmony;
using MusicEmotion.Notes.Kinds;
using MusicEmotion.Notes.Tests.Transcription;
using MusicEmotion.Tests.Shared;

namespace MusicEmotion.Notes.Tests.Analysis;

/// <summary>Note features of real transcriptions (the embedded model through ONNX Runtime) and the note feature kinds.</summary>
public sealed class NoteFeatureKindTests(TranscriberFixture fixture) : IClassFixture<TranscriberFixture>
{
    private static readonly FeatureSettings Settings = new();

    [Fact]
    public async Task The_synthesised_chords_and_a_piece_in_C_major_are_recognised_from_their_transcription()
    {
        NoteTranscription scale = await fixture.Transcriber.TranscribeAsync(fixture.ScaleAndChordsWav);
        NoteFeatures features = NoteFeatureAnalyzer.Analyze(scale);

        // Chords F (5.75–6.75 s), G7 (7.0–8.0 s) and A minor (8.25–9.25 s) fill seconds 6, 7 and 8 (ScaleAndChords).
        features.Seconds.Should().HaveCount(10);
        features.Chords.Skip(6).Take(3).Select(c => c?.Name).Should().Equal("F", "G7", "Am");
        features.Track.Key!.Value.Name.Should().Be("C major");

        float[] mono = SynthesizedMusic.Render(SynthesizedMusic.Piece(30), 22050, 30);
        NoteTranscription piece = await fixture.Transcriber.TranscribeAsync(new ArraySampleSource(mono, 22050), "piece");
        NoteFeatures pieceFeatures = NoteFeatureAnalyzer.Analyze(piece);

        pieceFeatures.Track.Key!.Value.Name.Should().Be("C major");
        pieceFeatures.Track.Key.Value.Strength.Should().BeGreaterThan(0.7);
        pieceFeatures.Track.MajorChordShare!.Value.Should().BeGreaterThan(pieceFeatures.Track.MinorChordShare!.Value, "the progression is C F G Am");
        pieceFeatures.Track.MelodyRegister!.Value.Should().BeInRange(64, 86, "the tune sits in octave 5 above chords in octaves 3-4");
        pieceFeatures.Track.OnsetRate.Should().BeInRange(3, 10, "eighths and quarters at 120 BPM over a chord per bar");
        pieceFeatures.Seconds.Where(s => s.Second >= 4 && s.Second < 26).Should().OnlyContain(s => s.Harmony.Key != null && s.Harmony.Key.Value.Mode == KeyMode.Major);
    }

    [Fact]
    public async Task Silence_gives_no_notes_no_key_and_zero_columns()
    {
        float[] silence = new float[22050 * 6];
        NoteTranscription t = await fixture.Transcriber.TranscribeAsync(new ArraySampleSource(silence, 22050), "silence");
        NoteFeatures features = NoteFeatureAnalyzer.Analyze(t);
        FeatureMatrix matrix = new NoteFeatureExtractor("harmony", Settings, fixture.Transcriber).Extract(silence);

        t.Notes.Should().BeEmpty();
        features.Track.Key.Should().BeNull("no notes name no key: null, not a guess");
        features.Seconds.Should().HaveCount(6).And.OnlyContain(s => s.Harmony.Key == null && s.Harmony.Chord == null);
        matrix.Frames.Should().Be((int)Settings.FrameCount(silence.Length));
        matrix.Data.Should().OnlyContain(v => v == 0);
    }

    [Fact]
    public async Task The_kinds_stream_exactly_what_the_batch_analysis_gives_and_frame_like_the_built_in_kinds()
    {
        float[] mono = SynthesizedMusic.Render(SynthesizedMusic.Piece(12, seed: 3), 22050, 12);
        NoteTranscription transcription = await fixture.Transcriber.TranscribeAsync(new ArraySampleSource(mono, 22050), "piece");
        NoteFeatures batch = NoteFeatureAnalyzer.Analyze(transcription);
        var registry = new FeatureKindRegistry().AddNoteFeatureKinds(fixture.Transcriber);
        string[] recipe = ["logMel", "notes", "harmony", "melody"];

        IFeatureStream stream = registry.CreateStream(recipe, Settings);
        var rows = new List<float[]>();
        var sink = new RowSink(rows);
        for (int i = 0; i < mono.Length; i += 777)
        {
            stream.Push(mono.AsSpan(i, Math.Min(777, mono.Length - i)), sink);
        }

        stream.Complete(sink);
        FeatureMatrix whole = new NoteFeatureExtractor("melody", Settings, fixture.Transcriber).Extract(mono);

        int logMel = Settings.MelBands, notes = NoteFeatureColumns.NamesOf("notes").Count, harmony = NoteFeatureColumns.NamesOf("harmony").Count;
        rows.Should().HaveCount((int)Settings.FrameCount(mono.Length), "one row per frame of the built-in kinds");
        registry.ColumnNamesOf(recipe, Settings).Skip(logMel).Should().Equal(NoteFeatureColumns.NamesOf(NoteFeatureColumns.Kinds));
        float[] expected = NoteFeatureColumns.ToMatrix(batch, NoteFeatureColumns.Kinds);
        int width = expected.Length / batch.Seconds.Count;
        for (int t = 0; t < rows.Count; t++)
        {
            int second = Math.Min((int)Math.Floor(t * (double)Settings.HopLength / Settings.SampleRate), batch.Seconds.Count - 1);
            rows[t].AsSpan(logMel).ToArray().Should().Equal(expected.AsSpan(second * width, width).ToArray(), $"frame {t} takes second {second}'s row");
            whole.Row(t).ToArray().Should().Equal(rows[t].AsSpan(logMel + notes + harmony).ToArray(), "Extract equals the stream");
        }

        rows.Select(r => r[logMel + notes]).Should().Contain(v => v > 0.5f, "the piece has a key (harmony.key_strength)");
    }

    [Fact]
    public void With_dependency_injection_the_analyser_offers_the_kinds_and_the_default_recipe_stays_notes_free()
    {
        var services = new ServiceCollection().AddMusicEmotion().AddMusicEmotionNoteFeatures();
        using ServiceProvider provider = services.BuildServiceProvider();
        EmotionAnalyzerOptions options = provider.GetRequiredService<IOptions<EmotionAnalyzerOptions>>().Value;

        options.FeatureKinds.Names.Should().Contain(["notes", "harmony", "melody"]);
        FeatureRecipeLayout.Of(new FeatureRecipe { Kinds = ["logMel", "harmony"], Settings = Settings }, options.FeatureKinds).ColumnNames
            .Should().Contain("harmony.key_strength", "an IFeatureFrameObserver sees the columns by these names");
        FeatureRecipe.CreateDefault().Kinds.Should().NotContain(k => NoteFeatureColumns.IsKind(k), "the shipped model reads no note features");

        using ServiceProvider without = new ServiceCollection().AddMusicEmotion().BuildServiceProvider();
        without.GetRequiredService<IOptions<EmotionAnalyzerOptions>>().Value.FeatureKinds.Contains("harmony").Should().BeFalse();
    }

    [Fact]
    public void Neighbouring_note_kinds_combine_into_one_transcription_only_with_the_same_transcriber()
    {
        var notes = new NoteFeatureExtractor("notes", Settings, fixture.Transcriber);
        var harmony = new NoteFeatureExtractor("harmony", Settings, fixture.Transcriber);
        using var other = new NoteTranscriber();

        var combined = notes.CombineWith(harmony).Should().BeOfType<NoteFeatureExtractor>().Subject;

        combined.Kinds.Should().Equal("notes", "harmony");
        combined.FeatureNames.Should().Equal(NoteFeatureColumns.NamesOf(["notes", "harmony"]));
        combined.Kind.Should().Be("notes+harmony");
        notes.CombineWith(new NoteFeatureExtractor("harmony", Settings, other)).Should().BeNull("another transcriber is another model session");
        notes.CombineWith(new NoteFeatureExtractor("harmony", Settings with { HopLength = 256 }, fixture.Transcriber)).Should().BeNull("another framing");
        combined.CombineWith(new NoteFeatureExtractor("notes", Settings, fixture.Transcriber)).Should().BeNull("a kind named twice");
        FluentActions.Invoking(() => new NoteFeatureExtractor(["notes", "NOTES"], Settings, fixture.Transcriber)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void With_the_note_kinds_registered_the_analyser_runs_the_shipped_note_aware_model_unless_told_not_to()
    {
        using ServiceProvider with = new ServiceCollection().AddMusicEmotion().AddMusicEmotionNoteFeatures().BuildServiceProvider();
        using ServiceProvider audioOnly = new ServiceCollection().AddMusicEmotion(o => o.PreferNotesModel = false).AddMusicEmotionNoteFeatures().BuildServiceProvider();
        using ServiceProvider without = new ServiceCollection().AddMusicEmotion().BuildServiceProvider();

        ModelCard notesModel = with.GetRequiredService<EmotionAnalyzer>().Model.Card;
        ModelCard audioModel = audioOnly.GetRequiredService<EmotionAnalyzer>().Model.Card;

        notesModel.Features.Kinds.Should().Contain(["notes", "harmony"], "the shipped note-aware model reads the transcription");
        audioModel.Features.Kinds.Should().NotContain(k => NoteFeatureColumns.IsKind(k));
        ModelCard withoutNotes = without.GetRequiredService<EmotionAnalyzer>().Model.Card;
        (withoutNotes.Name, withoutNotes.Version).Should().Be((audioModel.Name, audioModel.Version), "a host without MusicEmotion.Notes gets the audio-only model");
        notesModel.Name.Should().NotBe(audioModel.Name, "the two models are told apart by name in catalogs and results");
    }

    private sealed class RowSink(List<float[]> rows) : IFeatureFrameSink
    {
        public void OnFrame(long frameIndex, ReadOnlySpan<float> features)
        {
            frameIndex.Should().Be(rows.Count);
            rows.Add(features.ToArray());
        }
    }
}
