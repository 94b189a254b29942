using MusicEmotion.Features;
using MusicEmotion.Features.Extraction;
using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Inference.Features;

/// <summary>
/// Streams the frames a <see cref="FeatureRecipe"/> asks for, the kinds' columns concatenated in recipe order into one
/// row per frame. The built-in kinds share one framer and one spectrum per frame
/// (<see cref="FeatureExtractorFactory.CreateStream(IReadOnlyList{FeatureKind}, FeatureSettings?)"/>); streams of
/// other origins are aligned frame by frame and handed to the sink once every stream has produced the frame. No
/// allocation per frame.
/// </summary>
public sealed class FeatureRecipeStream : IFeatureStream
{
    private readonly IFeatureStream[] _streams;
    private readonly int[] _offsets;
    private readonly KindSink[] _sinks;
    private float[] _pending;      // rows not yet complete: ring of capacity _capacity rows
    private int _capacity;
    private long _emitted;

    /// <summary>Creates the combined stream for <paramref name="recipe"/>.</summary>
    public FeatureRecipeStream(FeatureRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        IFeatureStream shared = FeatureExtractorFactory.CreateStream(recipe.Kinds, recipe.Settings);
        _streams = [shared];
        _offsets = [0];
        Width = shared.Width;
        FeatureNames = recipe.Kinds.SelectMany(k => FeatureExtractorFactory.Create(k, recipe.Settings).FeatureNames).ToArray();
        _sinks = Enumerable.Range(0, _streams.Length).Select(i => new KindSink(this, i)).ToArray();
        _capacity = 64;
        _pending = new float[_capacity * Width];
    }

    /// <summary>Sum of the widths of the recipe's kinds.</summary>
    public static int WidthOf(FeatureRecipe recipe) => FeatureExtractorFactory.WidthOf(recipe.Kinds, recipe.Settings);

    /// <inheritdoc />
    public int Width { get; }

    /// <summary>Column names, kind by kind.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <inheritdoc />
    public long FramesWritten => _emitted;

    /// <inheritdoc />
    public void Push(ReadOnlySpan<float> samples, IFeatureFrameSink sink)
    {
        if (_streams.Length == 1)
        {
            _streams[0].Push(samples, sink);
            _emitted = _streams[0].FramesWritten;
            return;
        }

        for (int i = 0; i < _streams.Length; i++)
        {
            _streams[i].Push(samples, _sinks[i]);
        }

        Flush(sink);
    }

    /// <inheritdoc />
    public void Complete(IFeatureFrameSink sink)
    {
        if (_streams.Length == 1)
        {
            _streams[0].Complete(sink);
            _emitted = _streams[0].FramesWritten;
            return;
        }

        for (int i = 0; i < _streams.Length; i++)
        {
            _streams[i].Complete(_sinks[i]);
        }

        Flush(sink);
    }

    private void Flush(IFeatureFrameSink sink)
    {
        long ready = _sinks.Min(s => s.Received);
        while (_emitted < ready)
        {
            int slot = (int)(_emitted % _capacity);
            sink.OnFrame(_emitted, _pending.AsSpan(slot * Width, Width));
            _emitted++;
        }
    }

    private void Store(int kind, long frameIndex, ReadOnlySpan<float> features)
    {
        while (frameIndex - _emitted >= _capacity)
        {
            Grow();
        }

        int slot = (int)(frameIndex % _capacity);
        features.CopyTo(_pending.AsSpan(slot * Width + _offsets[kind], features.Length));
    }

    private void Grow()
    {
        int capacity = _capacity * 2;
        float[] grown = new float[capacity * Width];
        for (long f = _emitted; f < _emitted + _capacity; f++)
        {
            _pending.AsSpan((int)(f % _capacity) * Width, Width).CopyTo(grown.AsSpan((int)(f % capacity) * Width, Width));
        }

        _pending = grown;
        _capacity = capacity;
    }

    private sealed class KindSink(FeatureRecipeStream owner, int kind) : IFeatureFrameSink
    {
        public long Received { get; private set; }

        public void OnFrame(long frameIndex, ReadOnlySpan<float> features)
        {
            owner.Store(kind, frameIndex, features);
            Received = frameIndex + 1;
        }
    }
}
