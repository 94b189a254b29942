using System.Globalization;

namespace MusicEmotion.Inference.Tests;

/// <summary>The one timeline CSV writer (what <c>mer analyze --format csv</c> prints and the service serves).</summary>
public sealed class EmotionTimelineCsvTests
{
    [Fact]
    public void Header_then_one_invariant_row_per_second_rounded_to_four_decimals_half_away_from_zero()
    {
        var timeline = new EmotionTimeline([0.5f, -0.03125f, 0.12344f, 1f, 0f], [-1f, 0.03125f, 0f, -0.00004f, 0f], 4.2,
            [MusicPresence.Music, MusicPresence.Music, MusicPresence.Music, MusicPresence.Music, MusicPresence.Silence]);

        timeline.ToCsv().Should().Be(
            "second,arousal,valence,music\n" +
            "0,0.5,-1,1\n" +
            "1,-0.0313,0.0313,1\n" + // 0.03125 is exact in binary: a true midpoint, rounded away from zero
            "2,0.1234,0,1\n" +
            "3,1,-0,1\n" +
            "4,0,0,0\n");
    }

    [Fact]
    public void Culture_does_not_change_the_text()
    {
        var timeline = new EmotionTimeline([0.25f], [-0.75f], 1);
        CultureInfo before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            timeline.ToCsv().Should().Be("second,arousal,valence,music\n0,0.25,-0.75,1\n");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
