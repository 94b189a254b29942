using MusicEmotion.Features;

namespace MusicEmotion.Inference.Tests.Extensibility;

/// <summary>
/// A host's own feature kind: per frame, the mean absolute sample over the hop centred on the frame, and its negative.
/// Framed like the built-in kinds (frame i centred on sample i·hop; <see cref="FeatureSettings.FrameCount"/> frames).
/// </summary>
internal sealed class LevelExtractor(FeatureSettings settings) : IFeatureExtractor
{
    public FeatureSettings Settings => settings;

    public int Width => 2;

    public IReadOnlyList<string> FeatureNames { get; } = ["level", "negative_level"];

    public double FrameRate => settings.FrameRate;

    public FeatureMatrix Extract(ReadOnlySpan<float> samples)
    {
        var sink = new Collect(Width);
        IFeatureStream stream = CreateStream();
        stream.Push(samples, sink);
        stream.Complete(sink);
        return new FeatureMatrix((int)stream.FramesWritten, Width, sink.Rows.ToArray(), FeatureNames, FrameRate);
    }

    public IFeatureStream CreateStream() => new Stream(settings);

    private sealed class Stream(FeatureSettings settings) : IFeatureStream
    {
        private readonly List<float> _samples = [];   // small test signals only
        private readonly float[] _row = new float[2];

        public int Width => 2;

        public long FramesWritten { get; private set; }

        public void Push(ReadOnlySpan<float> samples, IFeatureFrameSink sink)
        {
            foreach (float s in samples)
            {
                _samples.Add(s);
            }

            // Frame i is final once the hop centred on it has arrived.
            while ((FramesWritten * settings.HopLength) + (settings.HopLength / 2) <= _samples.Count)
            {
                Emit(sink);
            }
        }

        public void Complete(IFeatureFrameSink sink)
        {
            long total = settings.FrameCount(_samples.Count);
            while (FramesWritten < total)
            {
                Emit(sink);
            }
        }

        private void Emit(IFeatureFrameSink sink)
        {
            long centre = FramesWritten * settings.HopLength;
            int from = (int)Math.Max(0, centre - (settings.HopLength / 2));
            int to = (int)Math.Min(_samples.Count, centre + (settings.HopLength / 2));
            double sum = 0;
            for (int i = from; i < to; i++)
            {
                sum += Math.Abs(_samples[i]);
            }

            _row[0] = to > from ? (float)(sum / (to - from)) : 0f;
            _row[1] = -_row[0];
            sink.OnFrame(FramesWritten++, _row);
        }
    }

    private sealed class Collect(int width) : IFeatureFrameSink
    {
        public List<float> Rows { get; } = [];

        public void OnFrame(long frameIndex, ReadOnlySpan<float> features)
        {
            foreach (float f in features[..width])
            {
                Rows.Add(f);
            }
        }
    }
}
