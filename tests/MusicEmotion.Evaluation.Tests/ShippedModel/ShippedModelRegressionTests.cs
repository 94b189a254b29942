using MusicEmotion.Evaluation.Dynamics;
using MusicEmotion.Evaluation.ModelEvaluation;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Models;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Kinds;

namespace MusicEmotion.Evaluation.Tests.ShippedModel;

/// <summary>
/// Guards the committed models (the audio-only and the note-aware one, each against its own card): evaluated through the library's own inference path on the real 4Q `val` split and the
/// emoMusic clips of ../shared/data, it must not fall more than 0.02 macro-F1 below the figure its card records,
/// its per-second results must match the card, and on joins of 4Q val clips its default output must follow the
/// changes as well as the card records and at least as well as issue 9's bar (80 % of the unsmoothed contrast, median
/// rise at most 6 s). The card's figures are what `mer eval` measured when the model was built
/// (training/record_metrics.py). EMOPIA and VGMIDI need rendering (minutes of FluidSynth), so CI leaves them to
/// training/rebuild-model.sh. Needs ../shared/data (always present in CI).
/// </summary>
public sealed class ShippedModelRegressionTests
{
    private const double AllowedMacroF1Drop = 0.02;

    /// <summary>One note transcriber for the note-aware model's runs (one ONNX session).</summary>
    private static readonly Lazy<NoteTranscriber> Transcriber = new(() => new NoteTranscriber());

    /// <summary>
    /// The shipped model <paramref name="notes"/> names: the note-aware one (the host registers the note kinds) or the
    /// audio-only one; checked to be the one asked for.
    /// </summary>
    private static IEmotionModel LoadShipped(bool notes)
    {
        var options = new EmotionAnalyzerOptions { PreferNotesModel = notes };
        options.FeatureKinds.AddNoteFeatureKinds(() => Transcriber.Value);
        IEmotionModel model = EmotionAnalyzer.LoadModel(options);
        model.Card.Features.Kinds.Contains("harmony").Should().Be(notes, notes ? "the note-aware model is shipped" : "the audio-only model reads no notes");
        return model;
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Shipped_model_keeps_the_macro_F1_its_card_records_on_4Q_val(bool notes)
    {
        string fourQ = SharedData.Require("4q");
        using IEmotionModel model = LoadShipped(notes);
        double recorded = model.Card.RecordedMacroF1 ?? throw new InvalidOperationException("The shipped card records no metrics.fourQuadrant.macroF1");

        EvaluationReport report = await new ModelEvaluator(model).EvaluateAsync(fourQ, "val", null);

        report.Skipped.Should().BeEmpty();
        report.FourQuadrant!.N.Should().Be(144);
        report.FourQuadrant.MacroF1.Should().BeGreaterThanOrEqualTo(recorded - AllowedMacroF1Drop,
            $"the card records macro-F1 {recorded:0.000} on 4Q val; a model more than {AllowedMacroF1Drop} worse must not land");
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Shipped_model_reproduces_its_cards_per_second_figures_on_emoMusic(bool notes)
    {
        string emoMusic = SharedData.Require("emomusic");
        using IEmotionModel model = LoadShipped(notes);
        var recorded = model.Card.Metrics?["perSecond"];
        Skip.If(recorded is null, "the card records no per-second metrics");

        EvaluationReport report = await new ModelEvaluator(model).EvaluateAsync(null, null, emoMusic);

        PerSecondReport perSecond = report.PerSecond!;
        perSecond.Clips.Should().Be(10);
        // The card records what `mer eval` measured through this same path when the model was built
        // (training/record_metrics.py); 0.01 leaves room for floating-point differences between machines.
        perSecond.Arousal.Rmse.Should().BeApproximately((double)recorded!["arousal"]!["rmse"]!, 0.01);
        perSecond.Valence.Rmse.Should().BeApproximately((double)recorded["valence"]!["rmse"]!, 0.01);
        perSecond.Arousal.Pearson.Should().BeApproximately((double)recorded["arousal"]!["pearson"]!, 0.01);
        perSecond.Valence.Pearson.Should().BeApproximately((double)recorded["valence"]!["pearson"]!, 0.01);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Shipped_models_default_output_follows_joins_of_4Q_val_clips_as_its_card_records(bool notes)
    {
        string fourQ = SharedData.Require("4q");
        using IEmotionModel model = LoadShipped(notes);
        var recorded = model.Card.Metrics?["dynamics"];
        Skip.If(recorded is null, "the card records no dynamics");

        DynamicsReport report = await new DynamicsEvaluator(model).EvaluateAsync(fourQ, "val", EmotionSmoothing.Card);

        report.Skipped.Should().BeEmpty();
        report.Joins.Should().Be((int)recorded!["joins"]!);
        report.Output.DirectionRight.Should().BeGreaterThanOrEqualTo((double)recorded["output"]!["directionRight"]! - 0.02);
        report.ContrastRetained.Should().BeGreaterThanOrEqualTo((double)recorded["contrastRetained"]! - 0.03);
        report.Output.MedianRiseTimeSeconds.Should().NotBeNull();
        report.Output.MedianRiseTimeSeconds!.Value.Should().BeLessThanOrEqualTo((double)recorded["output"]!["medianRiseTimeSeconds"]! + 0.5);

        // Whatever the card records, its default output must keep the dynamics (issue 9's bar): at least 80 % of the
        // unsmoothed contrast and a median 20->80 % rise of at most 6 s.
        report.ContrastRetained.Should().BeGreaterThanOrEqualTo(0.8, "the card's default smoothing must not flatten the changes");
        report.Output.MedianRiseTimeSeconds.Value.Should().BeLessThanOrEqualTo(6.0, "the default output must follow a change within 6 s");
    }
}
