using MusicEmotion.Features.Extraction;
using MusicEmotion.Features.Rhythm;

namespace MusicEmotion.Features.Tests;

public class TempoTests
{
    // Click tracks of known tempo (30 s at 22.05 kHz); tolerance ±1.5 BPM.
    [Theory]
    [InlineData(100.0)]
    [InlineData(128.0)]
    [InlineData(90.0)]
    [InlineData(140.0)]
    public void Click_track_tempo_is_recovered(double bpm)
    {
        float[] clicks = TestSignals.ClickTrack(bpm, 22050, 30);
        double estimate = new DescriptorExtractor().EstimateTempo(clicks);
        estimate.Should().BeApproximately(bpm, 1.5);
    }

    [Fact]
    public void Streamed_tempo_equals_whole_signal_tempo()
    {
        // Tolerance: exact.
        float[] clicks = TestSignals.ClickTrack(100, 22050, 20);
        var extractor = new DescriptorExtractor();
        DescriptorStream stream = extractor.CreateDescriptorStream();
        var sink = new Extraction.FeatureMatrixSink(extractor.Width, extractor.FeatureNames, extractor.FrameRate);
        for (int offset = 0; offset < clicks.Length; offset += 1000)
        {
            stream.Push(clicks.AsSpan(offset, Math.Min(1000, clicks.Length - offset)), sink);
        }

        stream.Complete(sink);
        stream.EstimateTempo().Should().Be(extractor.EstimateTempo(clicks));
        FeatureMatrix m = sink.ToMatrix();
        TempoEstimator.Estimate(m.Column(8), extractor.FrameRate).Should().Be(stream.EstimateTempo());
    }

    [Fact]
    public void Too_short_or_silent_envelopes_give_zero()
    {
        TempoEstimator.Estimate(new float[10], 43.07).Should().Be(0);
        TempoEstimator.Estimate(new float[5000], 43.07).Should().Be(0);
    }
}
