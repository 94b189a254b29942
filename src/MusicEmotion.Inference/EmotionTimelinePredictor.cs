using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Inference.Models;
using MusicEmotion.Inference.Windowing;

namespace MusicEmotion.Inference;

/// <summary>
/// Runs an <see cref="IEmotionModel"/> over audio: decode (any format), mix down, resample to the model's rate,
/// stream features and windows, collect the per-second timeline. Thread-safe: each call has its own state.
/// </summary>
public sealed class EmotionTimelinePredictor
{
    private const int ChunkSamples = 1 << 15;
    private readonly IEmotionModel _model;
    private readonly AudioLoader _loader;

    /// <summary>Creates a predictor using <paramref name="model"/> and <paramref name="loader"/> (default: WAV + ffmpeg).</summary>
    public EmotionTimelinePredictor(IEmotionModel model, AudioLoader? loader = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _loader = loader ?? AudioLoader.Default;
    }

    /// <summary>The model in use.</summary>
    public IEmotionModel Model => _model;

    /// <summary>Predicts the timeline of an audio file, smoothed as the model card says.</summary>
    /// <exception cref="AudioException">The file cannot be decoded.</exception>
    public EmotionTimeline PredictFile(string path, CancellationToken cancellationToken = default) =>
        PredictFile(path, EmotionSmoothing.Card, cancellationToken);

    /// <summary>Predicts the timeline of an audio file, smoothed as <paramref name="smoothing"/> says.</summary>
    /// <exception cref="AudioException">The file cannot be decoded.</exception>
    public EmotionTimeline PredictFile(string path, EmotionSmoothing smoothing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(smoothing);
        return Predict(_loader.Open(path, cancellationToken), path, smoothing, cancellationToken);
    }

    /// <summary>
    /// Predicts the timeline of any sample source (mixed down and resampled as needed) and disposes it; reports each
    /// second to <paramref name="sink"/> as soon as it is final.
    /// </summary>
    /// <exception cref="AudioFormatException">The source holds no samples.</exception>
    public EmotionTimeline Predict(ISampleSource source, string sourceName, CancellationToken cancellationToken = default, IEmotionSecondSink? sink = null) =>
        Predict(source, sourceName, EmotionSmoothing.Card, cancellationToken, sink);

    /// <summary>
    /// Predicts the timeline of any sample source (mixed down and resampled as needed), smoothed as
    /// <paramref name="smoothing"/> says, and disposes it; reports each second to <paramref name="sink"/> as soon as it is final.
    /// </summary>
    /// <exception cref="AudioFormatException">The source holds no samples.</exception>
    public EmotionTimeline Predict(ISampleSource source, string sourceName, EmotionSmoothing smoothing, CancellationToken cancellationToken = default, IEmotionSecondSink? sink = null) =>
        Predict(source, sourceName, smoothing, observer: null, cancellationToken, sink);

    /// <summary>
    /// Predicts the timeline of any sample source like <see cref="Predict(ISampleSource, string, EmotionSmoothing, CancellationToken, IEmotionSecondSink?)"/>,
    /// showing the mono samples and every feature frame to <paramref name="observer"/> on the way.
    /// </summary>
    /// <exception cref="AudioFormatException">The source holds no samples.</exception>
    public EmotionTimeline Predict(ISampleSource source, string sourceName, EmotionSmoothing smoothing, IFeatureFrameObserver? observer, CancellationToken cancellationToken = default, IEmotionSecondSink? sink = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(smoothing);
        int rate = _model.Card.Features.Settings.SampleRate;
        using ISampleSource mono = source.ToMonoAt(rate);
        using var stream = new EmotionPredictionStream(_model, smoothing, observer);
        var collector = new TimelineCollector();
        IEmotionSecondSink target = sink is null ? collector : new TeeSink(collector, sink);
        float[] buffer = new float[ChunkSamples];
        int n;
        while ((n = mono.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stream.Push(buffer.AsSpan(0, n), target);
        }

        if (stream.SamplesPushed == 0)
        {
            throw new AudioFormatException(sourceName, "contains no audio samples");
        }

        stream.Complete(target);
        return collector.ToTimeline((double)stream.SamplesPushed / rate);
    }

    private sealed class TeeSink(IEmotionSecondSink first, IEmotionSecondSink second) : IEmotionSecondSink
    {
        public void OnSecond(int index, ArousalValence value)
        {
            first.OnSecond(index, value);
            second.OnSecond(index, value);
        }
    }
}
