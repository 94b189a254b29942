using MusicEmotion.Features;
using MusicEmotion.Features.Extraction;
using MusicEmotion.Inference.Cards;

using MusicEmotion.Inference.Prediction;

namespace MusicEmotion.Inference.Tests.Prediction;

public class FeatureRecipeStreamTests
{
    private static readonly FeatureRecipe Recipe = FeatureRecipe.CreateDefault();
    private static readonly float[] Signal = TestSignals.Mono(3.1, 22050, seed: 1);

    private static FeatureMatrix Stream(FeatureRecipe recipe, float[] samples, int chunk)
    {
        var stream = new FeatureRecipeStream(recipe);
        var sink = new FeatureMatrixSink(stream.Width, stream.FeatureNames, recipe.Settings.FrameRate);
        for (int i = 0; i < samples.Length; i += chunk)
        {
            stream.Push(samples.AsSpan(i, Math.Min(chunk, samples.Length - i)), sink);
        }

        stream.Complete(sink);
        stream.FramesWritten.Should().Be(sink.Frames);
        return sink.ToMatrix();
    }

    /// <summary>The two extractors run separately, columns concatenated per frame.</summary>
    private static float[] Concatenated(FeatureMatrix first, FeatureMatrix second)
    {
        first.Frames.Should().Be(second.Frames);
        int width = first.Width + second.Width;
        var data = new float[first.Frames * width];
        for (int f = 0; f < first.Frames; f++)
        {
            first.Row(f).CopyTo(data.AsSpan(f * width));
            second.Row(f).CopyTo(data.AsSpan((f * width) + first.Width));
        }

        return data;
    }

    private static void BitIdentical(float[] actual, float[] expected)
    {
        actual.Length.Should().Be(expected.Length);
        int mismatch = actual.AsSpan().CommonPrefixLength(expected);
        mismatch.Should().Be(expected.Length, mismatch < expected.Length
            ? $"value {mismatch} differs: {actual[mismatch]:R} vs {expected[mismatch]:R}"
            : string.Empty);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(100_000)]
    public void Streamed_rows_are_bit_identical_to_the_separate_extractors(int chunk)
    {
        FeatureMatrix logMel = new LogMelExtractor(Recipe.Settings).Extract(Signal);
        FeatureMatrix descriptors = new DescriptorExtractor(Recipe.Settings).Extract(Signal);

        FeatureMatrix combined = Stream(Recipe, Signal, chunk);

        combined.Frames.Should().Be((int)Recipe.Settings.FrameCount(Signal.Length)); // 1 + 68355/512 = 134
        combined.Width.Should().Be(85);
        BitIdentical(combined.Data, Concatenated(logMel, descriptors));
        combined.Data.Should().OnlyContain(v => float.IsFinite(v));
    }

    [Fact]
    public void Kinds_are_concatenated_in_recipe_order()
    {
        var reversed = new FeatureRecipe { Kinds = ["descriptors", "logMel"], Settings = Recipe.Settings };
        float[] samples = Signal.AsSpan(0, 30_000).ToArray();
        FeatureMatrix logMel = new LogMelExtractor(Recipe.Settings).Extract(samples);
        FeatureMatrix descriptors = new DescriptorExtractor(Recipe.Settings).Extract(samples);

        BitIdentical(Stream(reversed, samples, 4096).Data, Concatenated(descriptors, logMel));
    }

    [Fact]
    public void Width_and_names_follow_the_recipe()
    {
        var stream = new FeatureRecipeStream(Recipe);

        stream.Width.Should().Be(85);
        FeatureRecipeStream.WidthOf(Recipe).Should().Be(85);
        stream.FeatureNames.Should().HaveCount(85).And.OnlyHaveUniqueItems();
        stream.FeatureNames.Should().Equal(new LogMelExtractor(Recipe.Settings).FeatureNames.Concat(DescriptorExtractor.ColumnNames));

        var mfcc = new FeatureRecipe { Kinds = ["mfcc"], Settings = Recipe.Settings };
        FeatureRecipeStream.WidthOf(mfcc).Should().Be(20);
        new FeatureRecipeStream(mfcc).Width.Should().Be(20);
    }

    [Fact]
    public void Empty_signal_yields_the_single_centred_frame_only_on_complete()
    {
        var stream = new FeatureRecipeStream(Recipe);
        var sink = new FeatureMatrixSink(stream.Width, stream.FeatureNames, Recipe.Settings.FrameRate);
        stream.Push(ReadOnlySpan<float>.Empty, sink);
        sink.Frames.Should().Be(0);

        stream.Complete(sink);

        sink.Frames.Should().Be((int)Recipe.Settings.FrameCount(0));
    }
}
