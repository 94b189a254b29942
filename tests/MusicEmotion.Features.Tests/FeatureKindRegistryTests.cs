using MusicEmotion.Features.Extraction;

namespace MusicEmotion.Features.Tests;

public class FeatureKindRegistryTests
{
    /// <summary>A custom kind: per frame, the peak and the mean absolute value of the raw frame.</summary>
    private sealed class PeakExtractor(FeatureSettings settings, int hopOverride = 0) : IFeatureExtractor
    {
        public FeatureSettings Settings { get; } = hopOverride > 0 ? settings with { HopLength = hopOverride } : settings;

        public FeatureKind Kind => throw new NotSupportedException("a custom kind has no built-in kind");

        public int Width => 2;

        public IReadOnlyList<string> FeatureNames => ["peak", "mean_abs"];

        public double FrameRate => Settings.FrameRate;

        public FeatureMatrix Extract(ReadOnlySpan<float> samples)
        {
            var sink = new FeatureMatrixSink(Width, FeatureNames, FrameRate);
            IFeatureStream stream = CreateStream();
            stream.Push(samples, sink);
            stream.Complete(sink);
            return sink.ToMatrix();
        }

        public IFeatureStream CreateStream() => new PeakStream(Settings);

        private sealed class PeakStream(FeatureSettings settings) : FrameFeatureStream(settings, 2)
        {
            protected override void ComputeFeatures(ReadOnlySpan<float> frame, Span<float> features)
            {
                float peak = 0, sum = 0;
                foreach (float x in frame)
                {
                    peak = MathF.Max(peak, MathF.Abs(x));
                    sum += MathF.Abs(x);
                }

                features[0] = peak;
                features[1] = sum / frame.Length;
            }
        }
    }

    private static FeatureMatrix Run(IFeatureStream stream, float[] signal, int width, double frameRate)
    {
        var sink = new FeatureMatrixSink(width, Enumerable.Range(0, width).Select(i => $"c{i}").ToArray(), frameRate);
        for (int offset = 0; offset < signal.Length; offset += 1500)
        {
            stream.Push(signal.AsSpan(offset, Math.Min(1500, signal.Length - offset)), sink);
        }

        stream.Complete(sink);
        return sink.ToMatrix();
    }

    [Fact]
    public void A_registered_kind_sits_between_built_in_kinds_in_recipe_order()
    {
        var settings = new FeatureSettings { MelBands = 32 };
        var registry = new FeatureKindRegistry().Add("peak", s => new PeakExtractor(s));
        string[] recipe = ["logMel", "peak", "descriptors"];
        float[] signal = FixtureFiles.GoldenSignal();

        FeatureMatrix rows = Run(registry.CreateStream(recipe, settings), signal, registry.WidthOf(recipe, settings), settings.FrameRate);

        registry.ColumnNamesOf(recipe, settings).Should().HaveCount(32 + 2 + 21).And.Contain("peak");
        FeatureMatrix logMel = new LogMelExtractor(settings).Extract(signal);
        FeatureMatrix peak = new PeakExtractor(settings).Extract(signal);
        FeatureMatrix descriptors = new DescriptorExtractor(settings).Extract(signal);
        rows.Frames.Should().Be(logMel.Frames);
        for (int f = 0; f < rows.Frames; f++)
        {
            rows.Row(f)[..32].ToArray().Should().Equal(logMel.Row(f).ToArray());
            rows.Row(f).Slice(32, 2).ToArray().Should().Equal(peak.Row(f).ToArray());
            rows.Row(f)[34..].ToArray().Should().Equal(descriptors.Row(f).ToArray());
        }
    }

    [Fact]
    public void A_kind_that_frames_differently_fails_the_stream_with_its_name()
    {
        var settings = new FeatureSettings();
        var registry = new FeatureKindRegistry().Add("coarse", s => new PeakExtractor(s, hopOverride: s.HopLength * 2));

        FluentActions.Invoking(() => Run(registry.CreateStream(["mfcc", "coarse"], settings), FixtureFiles.GoldenSignal(), 22, settings.FrameRate))
            .Should().Throw<InvalidOperationException>().WithMessage("*'coarse' produced*frames*");
    }

    [Fact]
    public void Names_are_checked_and_unknown_kinds_are_named_in_the_error()
    {
        var registry = new FeatureKindRegistry();
        FluentActions.Invoking(() => registry.Add("logmel", s => new PeakExtractor(s))).Should().Throw<ArgumentException>().WithMessage("*built-in*");
        FluentActions.Invoking(() => registry.Add("../x", s => new PeakExtractor(s))).Should().Throw<ArgumentException>();
        registry.Add("peak", s => new PeakExtractor(s));
        FluentActions.Invoking(() => registry.Add("PEAK", s => new PeakExtractor(s))).Should().Throw<ArgumentException>().WithMessage("*already registered*");
        FluentActions.Invoking(() => FeatureKindRegistry.BuiltIn.Add("other", s => new PeakExtractor(s))).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => registry.CreateStream(["logMel", "cqt"], new FeatureSettings())).Should().Throw<KeyNotFoundException>().WithMessage("*'cqt'*peak*");
        FluentActions.Invoking(() => registry.CreateStream(["logMel", "LOGMEL"], new FeatureSettings())).Should().Throw<ArgumentException>();

        registry.Names.Should().Equal("logMel", "mfcc", "descriptors", "peak");
        registry.Contains("Peak").Should().BeTrue();
        FeatureKindRegistry.BuiltIn.Contains("peak").Should().BeFalse();
    }

    [Fact]
    public void Built_in_kinds_alone_stream_through_one_shared_spectrum()
    {
        var settings = new FeatureSettings { MelBands = 40 };
        IFeatureStream stream = FeatureKindRegistry.BuiltIn.CreateStream(["mfcc", "logMel"], settings);
        float[] signal = TestSignals.Sine(440, 22050, 22050);

        FeatureMatrix rows = Run(stream, signal, stream.Width, settings.FrameRate);

        stream.Width.Should().Be(60);
        rows.Row(3)[..20].ToArray().Should().Equal(new MfccExtractor(settings).Extract(signal).Row(3).ToArray());
        rows.Row(3)[20..].ToArray().Should().Equal(new LogMelExtractor(settings).Extract(signal).Row(3).ToArray());
    }
}
