using MusicEmotion.Features.Extraction;

namespace MusicEmotion.Features.Tests;

/// <summary>One spectrum per frame for every kind of a recipe changes no value: each column block is bit-identical to its own extractor.</summary>
public class SharedSpectrumTests
{
    public static TheoryData<LogScaleKind, int> Settings => new()
    {
        { LogScaleKind.Decibels, 64 },
        { LogScaleKind.Log1p, 40 },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Every_kind_of_a_shared_stream_equals_its_own_extractor_bit_for_bit(LogScaleKind scale, int bands)
    {
        var settings = new FeatureSettings { MelBands = bands, FMax = 8000, TopDb = null, LogScale = scale, MfccCount = 13 };
        float[] signal = FixtureFiles.GoldenSignal();
        FeatureKind[] kinds = [FeatureKind.Descriptors, FeatureKind.LogMel, FeatureKind.Mfcc];
        IFeatureStream shared = FeatureExtractorFactory.CreateStream(kinds, settings);
        var sink = new FeatureMatrixSink(shared.Width, Enumerable.Range(0, shared.Width).Select(i => $"c{i}").ToArray(), settings.FrameRate);
        for (int offset = 0; offset < signal.Length; offset += 777)
        {
            shared.Push(signal.AsSpan(offset, Math.Min(777, signal.Length - offset)), sink);
        }

        shared.Complete(sink);
        FeatureMatrix together = sink.ToMatrix();

        together.Width.Should().Be(FeatureExtractorFactory.WidthOf(kinds, settings)).And.Be(21 + bands + 13);
        int offsetColumns = 0;
        foreach (FeatureKind kind in kinds)
        {
            FeatureMatrix alone = FeatureExtractorFactory.Create(kind, settings).Extract(signal);
            together.Frames.Should().Be(alone.Frames);
            for (int row = 0; row < alone.Frames; row++)
            {
                together.Row(row).Slice(offsetColumns, alone.Width).ToArray().Should().Equal(alone.Row(row).ToArray(), $"{kind}, frame {row}");
            }

            offsetColumns += alone.Width;
        }
    }

    [Fact]
    public void A_shared_stream_needs_distinct_kinds()
    {
        FluentActions.Invoking(() => FeatureExtractorFactory.CreateStream([])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => FeatureExtractorFactory.CreateStream([FeatureKind.LogMel, FeatureKind.LogMel])).Should().Throw<ArgumentException>();
    }
}
