using MusicEmotion.Inference;
using MusicEmotion.Notes.Kinds;
using MusicEmotion.Notes.Tests.Transcription;

namespace MusicEmotion.Notes.Tests.Analysis;

/// <summary>
/// <see cref="NoteFeatureCapture"/>: an analysis by the note-aware model hands the notes its note kinds transcribed to
/// the capture of its flow (the real analyser and model), the same notes a transcription of the file gives; nothing
/// from a model without note kinds, from outside the scope, or from another flow.
/// </summary>
public sealed class NoteFeatureCaptureTests(TranscriberFixture fixture) : IClassFixture<TranscriberFixture>
{
    [Fact]
    public async Task The_note_aware_analysis_hands_over_the_notes_a_transcription_of_the_file_gives()
    {
        using EmotionAnalyzer analyzer = NoteAwareAnalyzer();
        analyzer.Model.Card.Features.Kinds.Should().Contain("harmony", "the shipped note-aware model reads note kinds");

        NoteFeatureCapture capture;
        using (capture = NoteFeatureCapture.Begin())
        {
            await analyzer.AnalyzeAsync(fixture.ScaleAndChordsWav);
        }

        NoteTranscription separate = await fixture.Transcriber.TranscribeAsync(fixture.ScaleAndChordsWav);
        capture.Count.Should().Be(1, "the recipe's neighbouring note kinds share one transcription");
        capture.DurationSeconds.Should().BeApproximately(separate.DurationSeconds, 1e-3);
        capture.Notes!.Select(n => (n.Pitch, n.StartSeconds, n.EndSeconds)).Should().Equal(separate.Notes.Select(n => (n.Pitch, n.StartSeconds, n.EndSeconds)));
        capture.Features!.Track.Key!.Value.Name.Should().Be("C major");
        capture.Features.Chords.Skip(6).Take(3).Select(c => c?.Name).Should().Equal("F", "G7", "Am");
        NoteTranscription kept = capture.ToTranscription("song", 96)!;
        kept.Notes.Should().BeSameAs(capture.Notes);
        kept.TempoBpm.Should().Be(96);
        capture.ToTranscription("song", double.NaN)!.TempoBpm.Should().Be(0, "an unknown tempo is 0, as in a transcription");

        await analyzer.AnalyzeAsync(fixture.ScaleAndChordsWav);
        capture.Count.Should().Be(1, "an analysis after the scope ended reports to no capture");
    }

    [Fact]
    public async Task An_audio_only_model_leaves_nothing_captured()
    {
        var options = new EmotionAnalyzerOptions { Describe = false, PreferNotesModel = false };
        options.FeatureKinds.AddNoteFeatureKinds(fixture.Transcriber);
        using var analyzer = EmotionAnalyzer.CreateDefault(options);
        using NoteFeatureCapture capture = NoteFeatureCapture.Begin();

        await analyzer.AnalyzeAsync(fixture.ScaleAndChordsWav);

        capture.Count.Should().Be(0);
        capture.Notes.Should().BeNull();
        capture.Features.Should().BeNull();
        capture.ToTranscription("song", 120).Should().BeNull();
    }

    [Fact]
    public async Task Analyses_in_separate_flows_each_reach_their_own_capture()
    {
        using EmotionAnalyzer analyzer = NoteAwareAnalyzer();
        string silence = fixture.WriteWav("capture-silence.wav", new float[22050 * 5], 22050, 1);

        async Task<NoteFeatureCapture> AnalyseAsync(string path)
        {
            using NoteFeatureCapture capture = NoteFeatureCapture.Begin();
            await analyzer.AnalyzeAsync(path);
            return capture;
        }

        NoteFeatureCapture[] captures = await Task.WhenAll(Task.Run(() => AnalyseAsync(fixture.ScaleAndChordsWav)), Task.Run(() => AnalyseAsync(silence)));

        captures.Should().OnlyContain(c => c.Count == 1);
        captures[0].Notes.Should().NotBeEmpty();
        captures[0].DurationSeconds.Should().BeApproximately(10, 0.01);
        captures[1].Notes.Should().BeEmpty("silence has no notes");
        captures[1].DurationSeconds.Should().BeApproximately(5, 0.01);
    }

    private EmotionAnalyzer NoteAwareAnalyzer()
    {
        var options = new EmotionAnalyzerOptions { Describe = false };
        options.FeatureKinds.AddNoteFeatureKinds(fixture.Transcriber);
        return EmotionAnalyzer.CreateDefault(options);
    }
}
