using MusicEmotion.Features.Extraction;

namespace MusicEmotion.Features.Track;

/// <summary>
/// Computes <see cref="TrackDescriptors"/> straight from mono samples, streaming: runs the descriptor and log-mel
/// (dB) extractors with one <see cref="FeatureSettings"/> and feeds a <see cref="TrackDescriptorAccumulator"/>. Use it
/// when no other analysis computes those frames already; otherwise feed the accumulator with the existing frames.
/// </summary>
/// <remarks>Not thread-safe; one extractor per track.</remarks>
public sealed class TrackDescriptorExtractor : IFeatureFrameSink
{
    private readonly IFeatureStream _descriptors;
    private readonly IFeatureStream _logMel;
    private readonly TrackDescriptorAccumulator _accumulator;
    private readonly FrameQueue _descriptorRows;
    private readonly LogMelSink _logMelSink;

    /// <summary>Creates the extractor.</summary>
    /// <param name="settings">Feature settings (the log-mel is always taken in decibels).</param>
    public TrackDescriptorExtractor(FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        FeatureSettings decibels = settings with { LogScale = LogScaleKind.Decibels };
        _accumulator = new TrackDescriptorAccumulator(decibels);
        _descriptors = new DescriptorExtractor(decibels).CreateStream();
        _logMel = new LogMelExtractor(decibels).CreateStream();
        _descriptorRows = new FrameQueue(DescriptorExtractor.ColumnNames.Count);
        _logMelSink = new LogMelSink(this);
    }

    /// <summary>Feeds the next mono samples.</summary>
    public void Push(ReadOnlySpan<float> samples)
    {
        _descriptors.Push(samples, this);
        _logMel.Push(samples, _logMelSink);
    }

    /// <summary>Ends the signal and returns the descriptors.</summary>
    /// <exception cref="InvalidOperationException">The signal was empty.</exception>
    public TrackDescriptors Complete()
    {
        _descriptors.Complete(this);
        _logMel.Complete(_logMelSink);
        return _accumulator.Complete();
    }

    /// <inheritdoc />
    void IFeatureFrameSink.OnFrame(long frameIndex, ReadOnlySpan<float> features) => _descriptorRows.Enqueue(features);

    private void OnLogMel(ReadOnlySpan<float> logMelDb) => _accumulator.Add(_descriptorRows.Dequeue(), logMelDb);

    /// <summary>Both streams frame identically; descriptor rows wait here (at most one chunk's worth) for their log-mel row.</summary>
    private sealed class FrameQueue(int width)
    {
        private float[] _rows = new float[width * 64];
        private int _head;
        private int _count;

        public void Enqueue(ReadOnlySpan<float> row)
        {
            if ((_count + 1) * width > _rows.Length)
            {
                var grown = new float[_rows.Length * 2];
                for (int i = 0; i < _count; i++)
                {
                    Row(i).CopyTo(grown.AsSpan(i * width, width));
                }

                _rows = grown;
                _head = 0;
            }

            int capacity = _rows.Length / width;
            row.CopyTo(_rows.AsSpan(((_head + _count) % capacity) * width, width));
            _count++;
        }

        public ReadOnlySpan<float> Dequeue()
        {
            if (_count == 0)
            {
                throw new InvalidOperationException("The log-mel stream ran ahead of the descriptor stream.");
            }

            ReadOnlySpan<float> row = Row(0);
            _head = (_head + 1) % (_rows.Length / width);
            _count--;
            return row;
        }

        private Span<float> Row(int i) => _rows.AsSpan(((_head + i) % (_rows.Length / width)) * width, width);
    }

    private sealed class LogMelSink(TrackDescriptorExtractor owner) : IFeatureFrameSink
    {
        public void OnFrame(long frameIndex, ReadOnlySpan<float> features) => owner.OnLogMel(features);
    }
}
