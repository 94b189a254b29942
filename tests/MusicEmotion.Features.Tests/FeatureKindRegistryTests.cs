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

    /// <summary>
    /// A combinable custom kind: <c>Scale</c> times the peak and mean of the frame, per kind; neighbours combine into one
    /// extractor (one stream for both, counted), or into a broken one giving the wrong width.
    /// </summary>
    private sealed class ScaledPeakExtractor(FeatureSettings settings, float[] scales, StreamCounter counter, bool brokenCombination = false) : ICombinableFeatureExtractor
    {
        public FeatureSettings Settings { get; } = settings;

        public FeatureKind Kind => throw new NotSupportedException("a custom kind has no built-in kind");

        public int Width => 2 * scales.Length;

        public IReadOnlyList<string> FeatureNames => [.. scales.SelectMany(s => new[] { $"peak*{s}", $"mean*{s}" })];

        public double FrameRate => Settings.FrameRate;

        public FeatureMatrix Extract(ReadOnlySpan<float> samples) => throw new NotSupportedException("streams only");

        public IFeatureStream CreateStream()
        {
            counter.Streams++;
            return new ScaledStream(Settings, scales);
        }

        public IFeatureExtractor? CombineWith(IFeatureExtractor following) => following is ScaledPeakExtractor other
            ? new ScaledPeakExtractor(Settings, brokenCombination ? scales : [.. scales, .. other.ScalesForTest], counter)
            : null;

        private float[] ScalesForTest => scales;

        private sealed class ScaledStream(FeatureSettings settings, float[] scales) : FrameFeatureStream(settings, 2 * scales.Length)
        {
            protected override void ComputeFeatures(ReadOnlySpan<float> frame, Span<float> features)
            {
                float peak = 0, sum = 0;
                foreach (float x in frame)
                {
                    peak = MathF.Max(peak, MathF.Abs(x));
                    sum += MathF.Abs(x);
                }

                for (int k = 0; k < scales.Length; k++)
                {
                    features[2 * k] = scales[k] * peak;
                    features[(2 * k) + 1] = scales[k] * sum / frame.Length;
                }
            }
        }
    }

    private sealed class StreamCounter
    {
        public int Streams { get; set; }
    }

    [Fact]
    public void Neighbouring_kinds_that_combine_share_one_stream_and_keep_their_columns_in_recipe_order()
    {
        var settings = new FeatureSettings { MelBands = 32 };
        var counter = new StreamCounter();
        var registry = new FeatureKindRegistry()
            .Add("x1", s => new ScaledPeakExtractor(s, [1], counter))
            .Add("x2", s => new ScaledPeakExtractor(s, [2], counter))
            .Add("x3", s => new ScaledPeakExtractor(s, [3], counter))
            .Add("peak", s => new PeakExtractor(s));
        string[] recipe = ["x1", "logMel", "x2", "x3", "peak"];
        float[] signal = FixtureFiles.GoldenSignal();

        FeatureMatrix rows = Run(registry.CreateStream(recipe, settings), signal, registry.WidthOf(recipe, settings), settings.FrameRate);

        counter.Streams.Should().Be(2, "x1 stands alone (logMel sits between), x2 and x3 run as one");
        FeatureMatrix peak = new PeakExtractor(settings).Extract(signal);
        FeatureMatrix logMel = new LogMelExtractor(settings).Extract(signal);
        for (int f = 0; f < rows.Frames; f++)
        {
            float[] p = peak.Row(f).ToArray();
            rows.Row(f)[..2].ToArray().Should().Equal(p);
            rows.Row(f).Slice(2, 32).ToArray().Should().Equal(logMel.Row(f).ToArray());
            rows.Row(f).Slice(34, 4).ToArray().Should().Equal(2 * p[0], 2 * p[1], 3 * p[0], 3 * p[1]);
            rows.Row(f)[38..].ToArray().Should().Equal(p);
        }
    }

    [Fact]
    public void A_combination_with_the_wrong_width_is_refused_with_the_kinds_named()
    {
        var counter = new StreamCounter();
        var registry = new FeatureKindRegistry()
            .Add("x1", s => new ScaledPeakExtractor(s, [1], counter, brokenCombination: true))
            .Add("x2", s => new ScaledPeakExtractor(s, [2], counter));

        FluentActions.Invoking(() => registry.CreateStream(["x1", "x2"], new FeatureSettings()))
            .Should().Throw<InvalidOperationException>().WithMessage("*x1*x2*");
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
