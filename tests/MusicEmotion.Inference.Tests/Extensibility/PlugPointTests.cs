using Microsoft.Extensions.DependencyInjection;
using MusicEmotion.Audio;
using MusicEmotion.Inference.Cards;
using MusicEmotion.Inference.Models;
using MusicEmotion.Audio.Processing;

namespace MusicEmotion.Inference.Tests.Extensibility;

/// <summary>
/// The plug points from the front door: a host registers a decoder for a made-up format and a feature kind of its own
/// with dependency injection, writes a card that names the kind, and the analyser it resolves reads the format and feeds
/// the kind's columns to an ONNX model made here.
/// </summary>
public sealed class PlugPointTests : IDisposable
{
    private const int SampleRate = 22050;
    private readonly string _folder = Directory.CreateTempSubdirectory("musicemotion-plug-").FullName;

    /// <summary>8 s of a quiet level (0.2), then 8 s of a loud one (0.8), stereo, as MEAF.</summary>
    private static float[] StepSignal()
    {
        int frames = SampleRate * 16;
        float[] interleaved = new float[frames * 2];
        for (int i = 0; i < frames; i++)
        {
            float level = i < frames / 2 ? 0.2f : 0.8f;
            float sign = (i / 50) % 2 == 0 ? 1f : -1f; // a 220 Hz square wave of that level
            interleaved[2 * i] = level * sign;
            interleaved[(2 * i) + 1] = level * sign;
        }

        return interleaved;
    }

    private (string Model, string Card) WriteModel(params string[] kinds)
    {
        var card = new ModelCard
        {
            Name = "plug-test",
            Features = new FeatureRecipe { Kinds = kinds, Settings = FeatureRecipe.CreateDefault().Settings },
            Window = new WindowSpec { Seconds = 2 },
            Output = new ModelOutputSpec(),
        };
        int width = 64 + 2; // logMel (64 bands in the default settings) + level
        string model = Path.Combine(_folder, "plug.onnx");
        string cardPath = Path.Combine(_folder, "plug.card.json");
        File.WriteAllBytes(model, TinyOnnxModel.MeanOfLastTwoColumns(width));
        File.WriteAllText(cardPath, card.ToJson());
        return (model, cardPath);
    }

    private static ServiceProvider Services(string model, string card, bool withDecoder = true, bool withKind = true)
    {
        var services = new ServiceCollection();
        services.AddMusicEmotion(o =>
        {
            o.ModelPath = model;
            o.ModelCardPath = card;
            o.Smoothing = EmotionSmoothing.None;
            o.Describe = false;
            o.DetectMusic = false; // the test signals are steady levels: this is about the plug points, not about music detection
        });
        if (withDecoder)
        {
            services.AddAudioDecoder<MeafDecoder>();
        }

        if (withKind)
        {
            services.AddFeatureKind("level", settings => new LevelExtractor(settings));
        }

        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_registered_decoder_and_feature_kind_reach_a_model_that_names_the_kind()
    {
        (string model, string card) = WriteModel("logMel", "level");
        string song = Path.Combine(_folder, "song.meaf");
        File.WriteAllBytes(song, MeafDecoder.Encode(StepSignal(), SampleRate, channels: 2));
        using ServiceProvider provider = Services(model, card);

        EmotionAnalyzer analyzer = provider.GetRequiredService<EmotionAnalyzer>();
        EmotionAnalysis result = await analyzer.AnalyzeAsync(song);

        result.Timeline.Count.Should().Be(16);
        for (int second = 0; second < 16; second++)
        {
            float expected = second < 7 ? 0.2f : second > 8 ? 0.8f : float.NaN; // seconds 7-8: the 2-s window spans the step
            ArousalValence value = result.Timeline[second];
            value.Valence.Should().BeApproximately(-value.Arousal, 1e-6f, "the second column is the negative of the first");
            if (!float.IsNaN(expected))
            {
                value.Arousal.Should().BeApproximately(expected, 1e-3f, $"second {second} is the mean level of its window");
            }
        }

        provider.GetRequiredService<AudioLoader>().CanDecode("MEAF\0\0\0\0"u8).Should().BeTrue();
        analyzer.Loader.Probe(song).DecoderName.Should().Be("meaf");
    }

    [Fact]
    public async Task The_registered_decoder_is_used_for_streams_too_and_agrees_with_the_same_samples_handed_over_directly()
    {
        (string model, string card) = WriteModel("logMel", "level");
        float[] signal = StepSignal();
        using ServiceProvider provider = Services(model, card);
        EmotionAnalyzer analyzer = provider.GetRequiredService<EmotionAnalyzer>();

        EmotionAnalysis fromMeaf = await analyzer.AnalyzeAsync(AudioInput.FromStream(new MemoryStream(MeafDecoder.Encode(signal, SampleRate, 2)), "upload.bin"));
        EmotionAnalysis fromSamples = await analyzer.AnalyzeAsync(AudioInput.FromSamples(new ArraySampleSource(signal, new AudioFormat(SampleRate, 2)), "samples"));

        fromMeaf.Timeline.Arousal.Should().Equal(fromSamples.Timeline.Arousal);
        fromMeaf.Timeline.Valence.Should().Equal(fromSamples.Timeline.Valence);
        fromMeaf.Timeline.Count.Should().Be(16);
    }

    [Fact]
    public async Task Without_the_decoder_the_made_up_format_is_refused_with_a_typed_error()
    {
        (string model, string card) = WriteModel("logMel", "level");
        string song = Path.Combine(_folder, "song.meaf");
        File.WriteAllBytes(song, MeafDecoder.Encode(StepSignal(), SampleRate, channels: 2));
        using ServiceProvider provider = Services(model, card, withDecoder: false);

        Func<Task> analyse = () => provider.GetRequiredService<EmotionAnalyzer>().AnalyzeAsync(song);

        await analyse.Should().ThrowAsync<AudioException>();
    }

    [Fact]
    public void A_card_that_names_an_unregistered_kind_fails_to_load_and_says_which()
    {
        (string model, string card) = WriteModel("logMel", "level");
        using ServiceProvider provider = Services(model, card, withKind: false);

        Action resolve = () => provider.GetRequiredService<EmotionAnalyzer>();

        resolve.Should().Throw<EmotionModelException>().WithMessage("*'level' is not registered*");
    }

    [Fact]
    public void The_model_carries_the_registry_it_was_loaded_with()
    {
        (string model, string card) = WriteModel("logMel", "level");
        using ServiceProvider provider = Services(model, card);

        IEmotionModel loaded = provider.GetRequiredService<IEmotionModel>();

        loaded.FeatureWidth.Should().Be(66);
        loaded.FeatureKinds.Contains("level").Should().BeTrue();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
