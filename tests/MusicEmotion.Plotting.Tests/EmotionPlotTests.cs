using System.Buffers.Binary;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Plotting.Tests;

public sealed class EmotionPlotTests
{
    private static EmotionTimeline Timeline(int seconds)
    {
        float[] arousal = Enumerable.Range(0, seconds).Select(i => (float)Math.Sin(i / 5.0) * 0.6f).ToArray();
        float[] valence = Enumerable.Range(0, seconds).Select(i => (float)Math.Cos(i / 7.0) * 0.5f).ToArray();
        return new EmotionTimeline(arousal, valence, seconds - 0.4);
    }

    private static (int Width, int Height) Size(byte[] png)
    {
        png.Take(8).Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void A_stored_timeline_and_its_summary_render_as_a_png_of_the_asked_size()
    {
        EmotionTimeline timeline = Timeline(90);

        byte[] standard = EmotionPlot.RenderPng(timeline, EmotionSummary.From(timeline), "song.mp3 — model");
        byte[] small = EmotionPlot.RenderPng(timeline, EmotionSummary.From(timeline), "song.mp3", width: 640, height: 480);

        Size(standard).Should().Be((EmotionPlot.DefaultWidth, EmotionPlot.DefaultHeight));
        Size(small).Should().Be((640, 480));
        standard.Length.Should().BeGreaterThan(20_000, "a drawn figure, not a blank image");
    }

    [Fact]
    public void Different_timelines_draw_different_pictures()
    {
        EmotionTimeline a = Timeline(60);
        var b = new EmotionTimeline(a.Valence, a.Arousal, a.DurationSeconds);

        EmotionPlot.RenderPng(a, EmotionSummary.From(a), "x").Should().NotEqual(EmotionPlot.RenderPng(b, EmotionSummary.From(b), "x"));
    }

    [Fact]
    public void One_second_is_enough()
    {
        var one = new EmotionTimeline([0.3f], [-0.2f], 0.8);

        Size(EmotionPlot.RenderPng(one, EmotionSummary.From(one), "blip")).Should().Be((1200, 900));
    }

    [Theory]
    [InlineData(299, 900)]
    [InlineData(1200, 4001)]
    public void Sizes_out_of_range_are_refused(int width, int height)
    {
        EmotionTimeline timeline = Timeline(10);

        Action render = () => EmotionPlot.RenderPng(timeline, EmotionSummary.From(timeline), "x", width, height);

        render.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void An_empty_timeline_is_refused()
    {
        var empty = new EmotionTimeline([], [], 0);
        EmotionSummary summary = EmotionSummary.From(Timeline(3));

        Action render = () => EmotionPlot.RenderPng(empty, summary, "x");

        render.Should().Throw<ArgumentException>().WithMessage("*empty*");
    }
}
