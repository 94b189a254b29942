using System.Buffers.Binary;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;
using SkiaSharp;

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
    public void Seconds_without_music_are_greyed_and_a_file_without_music_still_draws()
    {
        EmotionTimeline music = Timeline(60);
        MusicPresence[] presence = Enumerable.Range(0, 60).Select(i => i < 20 ? MusicPresence.Silence : MusicPresence.Music).ToArray();
        var framed = new EmotionTimeline(
            music.Arousal.Select((v, i) => i < 20 ? 0f : v).ToArray(), music.Valence.Select((v, i) => i < 20 ? 0f : v).ToArray(), music.DurationSeconds, presence);
        var silent = new EmotionTimeline(new float[60], new float[60], 60, Enumerable.Repeat(MusicPresence.Silence, 60).ToArray());

        int allMusic = GreyPixels(EmotionPlot.RenderPng(music, EmotionSummary.From(music), "x"));
        int oneThirdSilent = GreyPixels(EmotionPlot.RenderPng(framed, EmotionSummary.From(framed), "x"));
        int allSilent = GreyPixels(EmotionPlot.RenderPng(silent, EmotionSummary.From(silent), "x"));

        oneThirdSilent.Should().BeGreaterThan(allMusic + 20_000, "the first third of the timeline is shaded grey");
        allSilent.Should().BeGreaterThan(oneThirdSilent + 20_000, "the whole timeline is shaded grey");
    }

    /// <summary>Pixels of the light neutral grey the no-music shading blends to on white.</summary>
    private static int GreyPixels(byte[] png)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png);
        int count = 0;
        foreach (SKColor c in bitmap.Pixels)
        {
            if (Math.Abs(c.Red - c.Green) <= 3 && Math.Abs(c.Green - c.Blue) <= 3 && c.Red is >= 205 and <= 230)
            {
                count++;
            }
        }

        return count;
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
