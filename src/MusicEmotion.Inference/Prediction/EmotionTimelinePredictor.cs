using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Inference.Models;

namespace MusicEmotion.Inference.Prediction;

/// <summary>
/// Runs an <see cref="IEmotionModel"/> over a sample source: mix down, resample to the model's rate, stream features
/// and windows, collect the per-second timeline. Thread-safe: each call has its own state.
/// </summary>
internal sealed class EmotionTimelinePredictor
{
    private const int ChunkSamples = 1 << 15;
    private readonly IEmotionModel _model;

    /// <summary>Creates a predictor using <paramref name="model"/>.</summary>
    public EmotionTimelinePredictor(IEmotionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>
    /// Predicts the timeline of <paramref name="source"/> (mixed down and resampled as needed), smoothed as
    /// <paramref name="smoothing"/> says, and disposes the source whatever happens; shows the mono samples and every
    /// feature frame to <paramref name="observer"/> and reports each second to <paramref name="sink"/> as soon as it is final.
    /// </summary>
    /// <exception cref="AudioFormatException">The source holds no samples.</exception>
    public EmotionTimeline Predict(ISampleSource source, string sourceName, EmotionSmoothing smoothing, IFeatureFrameObserver? observer,
        IEmotionSecondSink? sink, MusicDetectionOptions detection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using (source)
        {
            ArgumentNullException.ThrowIfNull(smoothing);
            int rate = _model.Card.Features.Settings.SampleRate;
            using ISampleSource mono = source.ToMonoAt(rate);
            using var stream = new EmotionPredictionStream(_model, smoothing, observer, detection);
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
    }

    private sealed class TeeSink(IEmotionSecondSink first, IEmotionSecondSink second) : IEmotionSecondSink
    {
        public void OnSecond(in EmotionFrame frame)
        {
            first.OnSecond(frame);
            second.OnSecond(frame);
        }
    }
}
