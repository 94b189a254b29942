using MusicEmotion.Features;
using MusicEmotion.Features.Extraction;
using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Inference.Features;

/// <summary>
/// Streams the frames a <see cref="FeatureRecipe"/> asks for: every kind's extractor runs on the same samples with
/// the same framing, and their frames are concatenated (in recipe order) into one row per frame. Frames are handed
/// to the sink in order once every kind has produced them; no allocation per frame.
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
        IFeatureExtractor[] extractors = recipe.Kinds.Select(k => FeatureExtractorFactory.Create(k, recipe.Settings)).ToArray();
        _streams = extractors.Select(e => e.CreateStream()).ToArray();
        _offsets = new int[extractors.Length];
        int width = 0;
        for (int i = 0; i < extractors.Length; i++)
        {
            _offsets[i] = width;
            width += extractors[i].Width;
        }

        Width = width;
        FeatureNames = extractors.SelectMany(e => e.FeatureNames).ToArray();
        _sinks = Enumerable.Range(0, extractors.Length).Select(i => new KindSink(this, i)).ToArray();
        _capacity = 64;
        _pending = new float[_capacity * Width];
    }

    /// <summary>Sum of the widths of the recipe's kinds.</summary>
    public static int WidthOf(FeatureRecipe recipe) =>
        recipe.Kinds.Sum(k => FeatureExtractorFactory.Create(k, recipe.Settings).Width);

    /// <inheritdoc />
    public int Width { get; }

    /// <summary>Column names, kind by kind.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <inheritdoc />
    public long FramesWritten => _emitted;

    /// <inheritdoc />
    public void Push(ReadOnlySpan<float> samples, IFeatureFrameSink sink)
    {
        for (int i = 0; i < _streams.Length; i++)
        {
            _streams[i].Push(samples, _sinks[i]);
        }

        Flush(sink);
    }

    /// <inheritdoc />
    public void Complete(IFeatureFrameSink sink)
    {
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
