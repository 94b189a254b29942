using System.Buffers;
using MusicEmotion.Features;
using MusicEmotion.Inference.Cards;
using MusicEmotion.Inference.Models;

namespace MusicEmotion.Inference.Prediction;

/// <summary>
/// Turns a stream of mono samples (at the model's sample rate) into one arousal/valence pair per second, with
/// bounded memory: only the frames that a pending window still needs are kept, and windows are batched per
/// model call. Each second is first classified (<see cref="MusicPresenceDetector"/>): seconds without music are
/// reported with no mood (values 0) and cost no model call, and the window of a music second stays inside its run of
/// music, shifted inside it at a silence exactly as at the ends of the audio. A second is reported once its window and
/// the presence of the seconds it can reach are final, a few seconds after its audio arrives (plus the smoothing
/// half-window, when the analysis smooths: see <see cref="EmotionSmoothing"/>).
/// Not thread-safe (one stream per analysis); the model it uses may be shared. Its buffers come from
/// <see cref="ArrayPool{T}.Shared"/>: dispose the stream to return them.
/// </summary>
internal sealed class EmotionPredictionStream : IFeatureFrameSink, IDisposable
{
    private readonly IEmotionModel _model;
    private readonly FeatureRecipeStream _features;
    private readonly SecondWindows _windows;
    private readonly int _width;        // the model's columns: the first of every row
    private readonly int _batchSize;
    private float[] _batch;
    private readonly ArousalValence[] _results;
    private readonly TemporalSmoother? _smoother;
    private readonly IFeatureFrameObserver? _observer;
    private readonly MusicPresenceDetector? _presence;  // null: every second is music
    private int _runStart;                              // first second of the run of music that holds _nextSecond
    private float[] _frames;        // frames [_firstFrame, _firstFrame + _frameCount), row-major
    private long _firstFrame;
    private int _frameCount;
    private long _samples;
    private int _nextSecond;
    private bool _completed;

    /// <summary>
    /// Creates a stream that predicts with <paramref name="model"/>, smooths as <paramref name="smoothing"/> says
    /// (default: as its card proposes) and shows its samples and feature frames to <paramref name="observer"/> (whose
    /// <see cref="IFeatureFrameObserver.OnStart"/> is called here).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="smoothing">How to smooth; default as the card proposes.</param>
    /// <param name="observer">Sees the samples and frames.</param>
    /// <param name="detection">How seconds without music are found; default <see cref="MusicDetectionOptions.Default"/>.</param>
    public EmotionPredictionStream(IEmotionModel model, EmotionSmoothing? smoothing = null, IFeatureFrameObserver? observer = null, MusicDetectionOptions? detection = null)
    {
        smoothing ??= EmotionSmoothing.Card;
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        FeatureRecipe observed = ObservedRecipe(model, observer);
        _features = new FeatureRecipeStream(observed, model.FeatureKinds);
        _observer = observer;
        _width = ReferenceEquals(observed, model.Card.Features) ? _features.Width : FeatureRecipeStream.WidthOf(model.Card.Features, model.FeatureKinds);
        if (_width != model.FeatureWidth)
        {
            throw new EmotionModelException($"{model.Card.Name}: the recipe yields {_width} features per frame, the model takes {model.FeatureWidth}");
        }

        _windows = new SecondWindows(model.Card.WindowFrames, model.Card.Features.Settings.FrameRate);
        _batchSize = Math.Clamp(model.Card.Window.BatchSize, 1, 1024);
        _batch = ArrayPool<float>.Shared.Rent(_batchSize * _windows.WindowFrames * _width);
        _results = new ArousalValence[_batchSize];
        _smoother = smoothing.CreateSmoother(model.Card);
        _frames = ArrayPool<float>.Shared.Rent((_windows.WindowFrames + 256) * _width);
        detection ??= MusicDetectionOptions.Default;
        _presence = detection.Enabled ? new MusicPresenceDetector(model.Card.Features.Settings.SampleRate, detection) : null;
        observer?.OnStart(observed, _features.Layout);
    }

    /// <summary>The model's recipe followed by the kinds <paramref name="observer"/> asks for beside it (the model's own recipe when none).</summary>
    private static FeatureRecipe ObservedRecipe(IEmotionModel model, IFeatureFrameObserver? observer)
    {
        FeatureRecipe recipe = model.Card.Features;
        if (observer is null)
        {
            return recipe;
        }

        string[] extra = [.. observer.AdditionalKinds(recipe, model.FeatureKinds)
            .Where(k => !recipe.Kinds.Contains(k, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
        return extra.Length == 0 ? recipe : recipe with { Kinds = [.. recipe.Kinds, .. extra] };
    }

    /// <summary>The sample rate the pushed samples must have (the model's).</summary>
    public int SampleRate => _model.Card.Features.Settings.SampleRate;

    /// <summary>Samples pushed so far.</summary>
    public long SamplesPushed => _samples;

    /// <summary>Seconds reported so far.</summary>
    public int SecondsReported => _nextSecond;

    /// <summary>Feeds mono samples; reports every second whose window has become final.</summary>
    public void Push(ReadOnlySpan<float> samples, IEmotionSecondSink sink)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _samples += samples.Length;
        _observer?.OnSamples(samples);
        _presence?.Push(samples);
        _features.Push(samples, this);
        ReportReady(sink, totalFrames: null);
    }

    /// <summary>Ends the signal and reports the remaining seconds (windows shifted inside the end of the audio).</summary>
    public void Complete(IEmotionSecondSink sink)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _presence?.Complete();
        _features.Complete(this);
        _completed = true;
        ReportReady(sink, totalFrames: _firstFrame + _frameCount);
        _smoother?.Complete(sink);
        _observer?.OnComplete(_samples);
    }

    void IFeatureFrameSink.OnFrame(long frameIndex, ReadOnlySpan<float> features)
    {
        if (_frameCount * _width + _width > _frames.Length)
        {
            MakeRoom();
        }

        features[.._width].CopyTo(_frames.AsSpan(_frameCount * _width, _width));
        _frameCount++;
        _observer?.OnFrame(frameIndex, features);
    }

    private void MakeRoom()
    {
        // Drop frames no pending window needs (a window shifted back from the end of a run of music starts at most one
        // window before its own unclamped start); grow only if that frees nothing.
        long keepFrom = Math.Max(0, Math.Min(_windows.UnclampedStart(_nextSecond), _firstFrame + _frameCount) - _windows.WindowFrames);
        int drop = (int)Math.Clamp(keepFrom - _firstFrame, 0, _frameCount);
        if (drop > 0)
        {
            _frames.AsSpan(drop * _width, (_frameCount - drop) * _width).CopyTo(_frames);
            _firstFrame += drop;
            _frameCount -= drop;
        }

        if (_frameCount * _width + _width > _frames.Length)
        {
            float[] grown = ArrayPool<float>.Shared.Rent(_frames.Length * 2);
            _frames.AsSpan(0, _frameCount * _width).CopyTo(grown);
            ArrayPool<float>.Shared.Return(_frames);
            _frames = grown;
        }
    }

    /// <summary>Returns the pooled buffers. The stream cannot be used afterwards.</summary>
    public void Dispose()
    {
        if (_frames.Length > 0)
        {
            ArrayPool<float>.Shared.Return(_frames);
            ArrayPool<float>.Shared.Return(_batch);
            _frames = [];
            _batch = [];
        }

        _completed = true;
    }

    private MusicPresence PresenceOf(int second) => _presence is null ? MusicPresence.Music : _presence.Final[second];

    private void ReportReady(IEmotionSecondSink sink, long? totalFrames)
    {
        long available = _firstFrame + _frameCount;
        int lastSecond = totalFrames is null ? int.MaxValue : SecondWindows.SecondCount(_samples, SampleRate);
        int known = _presence is null || totalFrames is not null ? lastSecond : _presence.FinalSeconds;
        while (_nextSecond < Math.Min(lastSecond, known))
        {
            MusicPresence presence = PresenceOf(_nextSecond);
            if (presence != MusicPresence.Music)
            {
                Emit(new EmotionFrame(_nextSecond, 0, 0, presence), sink);
                _nextSecond++;
                continue;
            }

            if (_nextSecond == 0 || PresenceOf(_nextSecond - 1) != MusicPresence.Music)
            {
                _runStart = _nextSecond;
            }

            int count = 0, length = 0;
            while (count < _batchSize && _nextSecond + count < Math.Min(lastSecond, known))
            {
                int second = _nextSecond + count;
                if (PresenceOf(second) != MusicPresence.Music)
                {
                    break;
                }

                // Where the window would lie if the run went on (shifted past the run's start, never before it), and so
                // how far ahead the run's end must be known: through the second of the window's last frame (or the end).
                long runFirstFrame = _runStart == 0 ? 0 : _windows.FirstFrameOf(_runStart);
                long openStart = Math.Max(runFirstFrame, _windows.UnclampedStart(second));
                int horizon = (int)Math.Min(_windows.SecondOf(openStart + _windows.WindowFrames - 1) + 1, lastSecond);
                if (horizon > known)
                {
                    break;
                }

                int runEnd = second + 1;
                while (runEnd < horizon && PresenceOf(runEnd) == MusicPresence.Music)
                {
                    runEnd++;
                }

                long start;
                int frames;
                if (runEnd < horizon || runEnd == lastSecond)
                {
                    long runEndFrame = runEnd == lastSecond ? totalFrames ?? long.MaxValue : _windows.FirstFrameOf(runEnd);
                    if (runEndFrame == long.MaxValue)
                    {
                        break;                                   // the audio's end is not known yet
                    }

                    (start, frames) = _windows.Window(second, runFirstFrame, Math.Max(runEndFrame, runFirstFrame + 1));
                }
                else
                {
                    (start, frames) = (openStart, _windows.WindowFrames);
                }

                if (start + frames > available || frames == 0 || (count > 0 && frames != length))
                {
                    break;
                }

                length = frames;
                _frames.AsSpan((int)(start - _firstFrame) * _width, frames * _width)
                    .CopyTo(_batch.AsSpan(count * frames * _width, frames * _width));
                count++;
            }

            if (count == 0)
            {
                return;
            }

            _model.Predict(_batch.AsMemory(0, count * length * _width), count, length, _results);
            for (int i = 0; i < count; i++)
            {
                Emit(new EmotionFrame(_nextSecond + i, _results[i].Arousal, _results[i].Valence), sink);
            }

            _nextSecond += count;
        }
    }

    private void Emit(in EmotionFrame frame, IEmotionSecondSink sink)
    {
        if (_smoother is null)
        {
            sink.OnSecond(frame);
        }
        else
        {
            _smoother.Add(frame, sink);
        }
    }
}
