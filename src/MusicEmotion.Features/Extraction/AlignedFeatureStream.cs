namespace MusicEmotion.Features.Extraction;

/// <summary>
/// Runs several feature streams on the same samples and hands the sink one row per frame: each part's columns go to
/// their own place in the row (<c>targets[part][column]</c>). A row is released once every part has produced that
/// frame; rows wait in a ring that grows only if one part runs far ahead of another. Every part must frame the signal
/// identically (same hop, centring and sample rate): at the end, parts that produced a different number of frames
/// fail the stream.
/// </summary>
internal sealed class AlignedFeatureStream : IFeatureStream
{
    private readonly IFeatureStream[] _parts;
    private readonly int[][] _targets;
    private readonly PartSink[] _sinks;
    private readonly string[] _partNames;
    private float[] _pending;
    private int _capacity;
    private long _emitted;

    public AlignedFeatureStream(IReadOnlyList<IFeatureStream> parts, IReadOnlyList<int[]> targets, IReadOnlyList<string> partNames, int width)
    {
        _parts = parts.ToArray();
        _targets = targets.ToArray();
        _partNames = partNames.ToArray();
        Width = width;
        _sinks = Enumerable.Range(0, _parts.Length).Select(i => new PartSink(this, i)).ToArray();
        _capacity = 64;
        _pending = new float[_capacity * width];
    }

    public int Width { get; }

    public long FramesWritten => _emitted;

    public void Push(ReadOnlySpan<float> samples, IFeatureFrameSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        for (int i = 0; i < _parts.Length; i++)
        {
            _parts[i].Push(samples, _sinks[i]);
        }

        Flush(sink);
    }

    public void Complete(IFeatureFrameSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        for (int i = 0; i < _parts.Length; i++)
        {
            _parts[i].Complete(_sinks[i]);
        }

        long first = _sinks[0].Received;
        for (int i = 1; i < _sinks.Length; i++)
        {
            if (_sinks[i].Received != first)
            {
                throw new InvalidOperationException(
                    $"Feature kind '{_partNames[i]}' produced {_sinks[i].Received} frames where '{_partNames[0]}' produced {first}: every kind of a recipe must frame the signal the same way (hop, centring, sample rate).");
            }
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

    private void Store(int part, long frameIndex, ReadOnlySpan<float> features)
    {
        int[] targets = _targets[part];
        if (features.Length != targets.Length)
        {
            throw new InvalidOperationException($"Feature kind '{_partNames[part]}' wrote {features.Length} values in a frame; it declared {targets.Length}.");
        }

        while (frameIndex - _emitted >= _capacity)
        {
            Grow();
        }

        Span<float> row = _pending.AsSpan((int)(frameIndex % _capacity) * Width, Width);
        for (int c = 0; c < targets.Length; c++)
        {
            row[targets[c]] = features[c];
        }
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

    private sealed class PartSink(AlignedFeatureStream owner, int part) : IFeatureFrameSink
    {
        public long Received { get; private set; }

        public void OnFrame(long frameIndex, ReadOnlySpan<float> features)
        {
            owner.Store(part, frameIndex, features);
            Received = frameIndex + 1;
        }
    }
}
