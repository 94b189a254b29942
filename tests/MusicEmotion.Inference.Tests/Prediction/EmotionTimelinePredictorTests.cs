using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Inference.Models;
using MusicEmotion.Inference.Prediction;
using MusicEmotion.Inference.Tests.Models;

namespace MusicEmotion.Inference.Tests.Prediction;

public sealed class EmotionTimelinePredictorTests : IDisposable
{
    private readonly OnnxEmotionModel _model = TestModels.LoadMean(TestModels.MeanCard(seconds: 3.0, mapping: TestModels.DecibelMapping));
    private readonly TempDirectory _folder = new();

    public void Dispose()
    {
        _model.Dispose();
        _folder.Dispose();
    }

    private static EmotionTimeline PredictFile(EmotionTimelinePredictor predictor, string path) =>
        predictor.Predict(AudioLoader.Default.Open(path), path, EmotionSmoothing.Card, observer: null, sink: null, MusicDetectionOptions.Default, CancellationToken.None);

    private static EmotionTimeline Predict(EmotionTimelinePredictor predictor, ISampleSource source, string name, IEmotionSecondSink? sink = null, CancellationToken cancellationToken = default) =>
        predictor.Predict(source, name, EmotionSmoothing.Card, observer: null, sink, MusicDetectionOptions.Default, cancellationToken);

    [Theory]
    [InlineData(3.3, 4)]
    [InlineData(5.0, 5)]
    [InlineData(0.25, 1)]
    public void Wav_file_gives_one_value_per_started_second(double seconds, int expectedCount)
    {
        float[] samples = TestSignals.Mono(seconds, 22050, seed: 1);
        string path = _folder.Write("clip.wav", TestSignals.Wav16(samples, 22050, channels: 1));
        var predictor = new EmotionTimelinePredictor(_model);

        EmotionTimeline timeline = PredictFile(predictor, path);

        timeline.Count.Should().Be(expectedCount).And.Be((int)Math.Ceiling(seconds));
        timeline.DurationSeconds.Should().BeApproximately(seconds, 1.0 / 22050);
        timeline.Valence.Should().HaveCount(expectedCount);

        // Same values as predicting the samples directly (16-bit quantisation is far below the tolerance).
        EmotionTimeline direct = Predict(predictor, new ArraySampleSource(samples, 22050), "direct");
        for (int s = 0; s < expectedCount; s++)
        {
            timeline[s].Arousal.Should().BeApproximately(direct[s].Arousal, 1e-3f);
            timeline[s].Valence.Should().BeApproximately(direct[s].Valence, 1e-3f);
        }
    }

    [Fact]
    public void Empty_wav_is_an_audio_format_error()
    {
        string path = _folder.Write("empty.wav", TestSignals.Wav16(ReadOnlySpan<float>.Empty, 22050, channels: 1));
        var predictor = new EmotionTimelinePredictor(_model);

        FluentActions.Invoking(() => PredictFile(predictor, path)).Should().Throw<AudioFormatException>()
            .Which.Message.Should().Contain("contains no audio samples");
    }

    [Fact]
    public void Empty_source_is_an_audio_format_error_naming_it()
    {
        var predictor = new EmotionTimelinePredictor(_model);
        FluentActions.Invoking(() => Predict(predictor, new ArraySampleSource(Array.Empty<float>(), 22050), "silence.raw"))
            .Should().Throw<AudioFormatException>().WithMessage("silence.raw: contains no audio samples");
    }

    [Fact]
    public void Stereo_44100_input_is_mixed_down_and_resampled()
    {
        const double seconds = 3.3;
        float[] mono22 = TestSignals.Mono(seconds, 22050, seed: 2);
        int frames44 = (int)Math.Round(seconds * 44100);
        float[] stereo44 = new float[frames44 * 2];
        for (int i = 0; i < frames44; i++)
        {
            float x = TestSignals.Sample(i, 44100, seed: 2);
            stereo44[2 * i] = 1.2f * x;      // mixdown averages: (1.2x + 0.8x) / 2 = x
            stereo44[(2 * i) + 1] = 0.8f * x;
        }

        string monoPath = _folder.Write("mono22.wav", TestSignals.Wav16(mono22, 22050, channels: 1));
        string stereoPath = _folder.Write("stereo44.wav", TestSignals.Wav16(stereo44, 44100, channels: 2));
        var predictor = new EmotionTimelinePredictor(_model);

        EmotionTimeline reference = PredictFile(predictor, monoPath);
        EmotionTimeline stereo = PredictFile(predictor, stereoPath);

        stereo.Count.Should().Be(4);
        stereo.DurationSeconds.Should().BeApproximately(seconds, 1e-3);
        for (int s = 0; s < 4; s++)
        {
            // mean_model outputs 0.01·dB of the two lowest mel bands: 0.01 = 1 dB of level difference.
            stereo[s].Arousal.Should().BeApproximately(reference[s].Arousal, 0.01f, $"arousal of second {s}");
            stereo[s].Valence.Should().BeApproximately(reference[s].Valence, 0.01f, $"valence of second {s}");
        }
    }

    [Fact]
    public void Sink_receives_every_second_as_the_timeline()
    {
        float[] samples = TestSignals.Mono(6.5, 22050, seed: 3);
        var predictor = new EmotionTimelinePredictor(_model);
        var collector = new TimelineCollector();

        EmotionTimeline timeline = Predict(predictor, new ArraySampleSource(samples, 22050), "clip", sink: collector);

        EmotionTimeline fromSink = collector.ToTimeline(timeline.DurationSeconds);
        fromSink.Arousal.Should().Equal(timeline.Arousal);
        fromSink.Valence.Should().Equal(timeline.Valence);
        timeline.Count.Should().Be(7);
    }

    [Fact]
    public void Cancellation_stops_the_prediction()
    {
        float[] samples = TestSignals.Mono(4, 22050, seed: 4);
        var predictor = new EmotionTimelinePredictor(_model);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        FluentActions.Invoking(() => Predict(predictor, new ArraySampleSource(samples, 22050), "clip", cancellationToken: cts.Token))
            .Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Missing_file_is_an_audio_error()
    {
        var predictor = new EmotionTimelinePredictor(_model);
        FluentActions.Invoking(() => PredictFile(predictor, Path.Combine(_folder.Path, "nope.wav"))).Should().Throw<AudioException>();
    }
}
