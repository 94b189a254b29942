using System.Text.Json;
using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Inference.Tests.Analysis;

public class EmotionSummaryTests
{
    [Fact]
    public void Empty_timeline_is_rejected_with_a_clear_message()
    {
        var empty = new EmotionTimeline(Array.Empty<float>(), Array.Empty<float>(), 0);

        Action act = () => EmotionSummary.From(empty);

        act.Should().Throw<ArgumentException>().WithMessage("*empty emotion timeline*");
    }

    [Fact]
    public void Statistics_match_hand_computed_values()
    {
        // Arousal 0.1, 0.2, … 1.0 (sorted already); valence constant.
        float[] arousal = Enumerable.Range(1, 10).Select(i => i / 10f).ToArray();
        var summary = EmotionSummary.From(TestTimelines.Of(arousal, TestTimelines.Repeat(-0.3f, 10)));

        DimensionStatistics a = summary.Arousal!;
        a.Mean.Should().BeApproximately(0.55, 1e-6);
        a.StandardDeviation.Should().BeApproximately(Math.Sqrt(0.0825), 1e-6); // population: Σ(x−0.55)²/10
        a.Min.Should().BeApproximately(0.1, 1e-6);
        a.Max.Should().BeApproximately(1.0, 1e-6);
        // Rank p·(n−1): p10 → 0.9 → 0.1 + 0.9·0.1 = 0.19; p25 → 2.25 → 0.325; p50 → 4.5 → 0.55; p75 → 6.75 → 0.775; p90 → 8.1 → 0.91.
        a.Percentile10.Should().BeApproximately(0.19, 1e-6);
        a.Percentile25.Should().BeApproximately(0.325, 1e-6);
        a.Median.Should().BeApproximately(0.55, 1e-6);
        a.Percentile75.Should().BeApproximately(0.775, 1e-6);
        a.Percentile90.Should().BeApproximately(0.91, 1e-6);
        a.TrendPerMinute.Should().BeApproximately(0.1 * 60, 1e-4); // +0.1 per second

        DimensionStatistics v = summary.Valence!;
        v.Mean.Should().BeApproximately(-0.3, 1e-6);
        v.StandardDeviation.Should().BeApproximately(0, 1e-6);
        v.TrendPerMinute.Should().BeApproximately(0, 1e-9);
    }

    [Fact]
    public void Falling_dimension_has_negative_trend_per_minute()
    {
        // From 0.5 down to -0.5 over 121 seconds (2 minutes): slope −0.5 per minute.
        var timeline = TestTimelines.Of(TestTimelines.Repeat(0f, 121), TestTimelines.Ramp(0.5f, -0.5f, 121));

        EmotionSummary.From(timeline).Valence!.TrendPerMinute.Should().BeApproximately(-0.5, 1e-4);
    }

    [Fact]
    public void Quadrant_shares_count_seconds_and_treat_zero_as_positive()
    {
        float[] arousal = [0.5f, 0.5f, 0.5f, 0.5f, -0.5f, -0.5f, 0f, 0f];
        float[] valence = [0.5f, 0.5f, -0.5f, -0.5f, -0.5f, 0f, 0f, -0.2f];
        // Q1: (0.5,0.5)×2, (0,0) → 3; Q2: (0.5,−0.5)×2, (0,−0.2) → 3; Q3: (−0.5,−0.5) → 1; Q4: (−0.5,0) → 1.
        var shares = EmotionSummary.From(TestTimelines.Of(arousal, valence)).QuadrantShares;

        shares.Q1.Should().BeApproximately(3 / 8.0, 1e-12);
        shares.Q2.Should().BeApproximately(3 / 8.0, 1e-12);
        shares.Q3.Should().BeApproximately(1 / 8.0, 1e-12);
        shares.Q4.Should().BeApproximately(1 / 8.0, 1e-12);
        (shares.Q1 + shares.Q2 + shares.Q3 + shares.Q4).Should().BeApproximately(1, 1e-12);
    }

    [Theory]
    [InlineData(0.6f, 0.6f, EmotionQuadrant.Q1)]
    [InlineData(0.6f, -0.6f, EmotionQuadrant.Q2)]
    [InlineData(-0.6f, -0.6f, EmotionQuadrant.Q3)]
    [InlineData(-0.6f, 0.6f, EmotionQuadrant.Q4)]
    public void Dominant_quadrant_is_the_one_with_most_time(float arousal, float valence, EmotionQuadrant expected)
    {
        // 7 seconds in the expected quadrant, 3 in the opposite one.
        float[] a = [.. TestTimelines.Repeat(arousal, 7), .. TestTimelines.Repeat(-arousal, 3)];
        float[] v = [.. TestTimelines.Repeat(valence, 7), .. TestTimelines.Repeat(-valence, 3)];

        var summary = EmotionSummary.From(TestTimelines.Of(a, v));

        summary.DominantQuadrant.Should().Be(expected);
        summary.QuadrantShares[expected].Should().BeApproximately(0.7, 1e-12);
    }

    [Fact]
    public void Strongest_moments_are_the_seconds_furthest_from_the_origin()
    {
        float[] arousal = [0.1f, 0.9f, 0.2f, -0.8f, 0.0f, 0.3f];
        float[] valence = [0.1f, 0.1f, 0.2f, -0.7f, 0.0f, 0.9f];
        // Intensities: 0.14, 0.906, 0.28, 1.063, 0, 0.949.
        var summary = EmotionSummary.From(TestTimelines.Of(arousal, valence));

        summary.StrongestMoments.Select(m => m.Second).Should().Equal(3, 5, 1);
        summary.StrongestMoments[0].Quadrant.Should().Be(EmotionQuadrant.Q3);
        summary.StrongestMoments[0].Intensity.Should().BeApproximately(Math.Sqrt((0.8 * 0.8) + (0.7 * 0.7)), 1e-6);
        summary.Arousal!.StrongestMoments.Select(m => m.Second).Should().Equal(1, 3, 5);
        summary.Valence!.StrongestMoments.Select(m => m.Second).Should().Equal(5, 3, 2);
    }

    [Fact]
    public void Strongest_moment_count_follows_the_options()
    {
        var timeline = TestTimelines.Of(TestTimelines.Ramp(-1f, 1f, 20), TestTimelines.Repeat(0f, 20));

        var summary = EmotionSummary.From(timeline, new SummaryOptions { StrongestMomentCount = 5 });

        summary.StrongestMoments.Should().HaveCount(5);
        summary.Arousal!.StrongestMoments.Should().HaveCount(5);
        // |−1| and |+1| tie: the earlier second comes first.
        summary.StrongestMoments[0].Second.Should().Be(0);
        summary.StrongestMoments[1].Second.Should().Be(19);
    }

    [Fact]
    public void Arousal_peaks_are_local_maxima_separated_by_the_minimum_distance()
    {
        var arousal = new float[40];
        arousal[5] = 0.9f;  // peak
        arousal[8] = 0.7f;  // peak, but only 3 s from a higher one: dropped
        arousal[20] = 0.5f; // peak
        arousal[21] = 0.5f; // same plateau: reported once, at its first second
        arousal[35] = 0.6f; // peak
        var timeline = TestTimelines.Of(arousal, TestTimelines.Repeat(0f, 40));

        var summary = EmotionSummary.From(timeline, new SummaryOptions { PeakSeparationSeconds = 10, PeakCount = 5 });

        summary.ArousalPeaks.Select(p => p.Second).Should().Equal(5, 20, 35);
        summary.ArousalPeaks[0].Arousal.Should().Be(0.9f);
    }

    [Fact]
    public void Peak_count_keeps_the_highest_peaks_in_time_order()
    {
        var arousal = new float[40];
        arousal[5] = 0.3f;
        arousal[15] = 0.9f;
        arousal[25] = 0.5f;
        arousal[35] = 0.7f;

        var summary = EmotionSummary.From(
            TestTimelines.Of(arousal, TestTimelines.Repeat(0f, 40)),
            new SummaryOptions { PeakCount = 2, PeakSeparationSeconds = 5 });

        summary.ArousalPeaks.Select(p => p.Second).Should().Equal(15, 35);
    }

    [Fact]
    public void Rising_arousal_peaks_at_the_last_second_and_constant_arousal_has_no_peak()
    {
        var rising = TestTimelines.Of(TestTimelines.Ramp(-0.5f, 0.5f, 30), TestTimelines.Repeat(0f, 30));
        var flat = TestTimelines.Constant(0.4f, 0.4f, 30);

        EmotionSummary.From(rising).ArousalPeaks.Select(p => p.Second).Should().Equal(29);
        EmotionSummary.From(flat).ArousalPeaks.Should().BeEmpty();
    }

    [Fact]
    public void A_curve_that_barely_moves_has_no_peaks_unless_the_prominence_rule_is_off()
    {
        // A ±0.04 wobble: local maxima every 4 s (at 0:01, 0:05, ...), none rising 0.1 above its surroundings.
        float[] wobble = Enumerable.Range(0, 60).Select(t => 0.04f * MathF.Sin(MathF.PI * t / 2)).ToArray();
        var timeline = TestTimelines.Of(wobble, TestTimelines.Repeat(0f, 60));

        EmotionSummary.From(timeline).ArousalPeaks.Should().BeEmpty("a wobble of ±0.04 rises 0.08 above its dips, less than 0.1");
        EmotionSummary.From(timeline, new SummaryOptions { MinimumPeakProminence = 0 }).ArousalPeaks
            .Should().HaveCount(3, "prominence 0 keeps every local maximum")
            .And.OnlyContain(p => p.Second % 4 == 1);
    }

    [Fact]
    public void Prominent_peaks_are_found_among_ripples_and_a_small_bump_at_the_start_is_not_a_peak()
    {
        // Two bumps (0.4 at 0:16, 0.6 at 0:44) on a ±0.03 ripple whose maxima fall on every 4th second, the start included.
        float[] arousal = Enumerable.Range(0, 60)
            .Select(t => (0.4f * MathF.Exp(-MathF.Pow((t - 16) / 3f, 2))) + (0.6f * MathF.Exp(-MathF.Pow((t - 44) / 3f, 2))) + (0.03f * MathF.Cos(MathF.PI * t / 2)))
            .ToArray();
        var timeline = TestTimelines.Of(arousal, TestTimelines.Repeat(0f, 60));

        EmotionSummary.From(timeline).ArousalPeaks.Select(p => p.Second).Should().Equal(16, 44);
        EmotionSummary.From(timeline, new SummaryOptions { MinimumPeakProminence = 0 }).ArousalPeaks
            .Should().HaveCount(3, "without the rule a ripple maximum 10 s from both bumps was a third peak");
    }

    [Fact]
    public void An_edge_peaks_only_when_prominent_against_the_side_it_has()
    {
        // Starts 0.05 above a dip, then climbs to the end: the start is no peak, the end is.
        float[] climb = [0.05f, 0f, .. TestTimelines.Ramp(0.1f, 0.8f, 20)];
        // Starts high and falls by 1: the start is the peak.
        float[] fall = TestTimelines.Ramp(0.5f, -0.5f, 20);
        // Ends 0.05 above a dip after a high middle: only the middle.
        float[] tail = [.. TestTimelines.Repeat(0f, 5), .. TestTimelines.Repeat(0.6f, 5), .. TestTimelines.Repeat(0f, 10), 0.05f];

        EmotionSummary.From(TestTimelines.Of(climb, TestTimelines.Repeat(0f, climb.Length))).ArousalPeaks.Select(p => p.Second).Should().Equal(21);
        EmotionSummary.From(TestTimelines.Of(fall, TestTimelines.Repeat(0f, fall.Length))).ArousalPeaks.Select(p => p.Second).Should().Equal(0);
        EmotionSummary.From(TestTimelines.Of(tail, TestTimelines.Repeat(0f, tail.Length))).ArousalPeaks.Select(p => p.Second).Should().Equal(5);
    }

    [Fact]
    public void A_curve_that_rises_and_stays_high_peaks_once_where_it_is_highest()
    {
        // The demo's shape: a calm half with a small bump at its start, then an energetic half that stays high with a ±0.02 wobble.
        float[] arousal =
        [
            -0.49f, -0.49f, -0.52f, -0.56f, -0.51f, -0.55f, -0.56f, -0.56f, -0.56f, -0.56f,
            -0.37f, -0.17f, 0.06f, 0.23f, 0.33f, 0.50f, 0.48f, 0.48f, 0.52f, 0.50f, 0.50f, 0.52f - 0.001f, 0.51f, 0.51f,
        ];
        var timeline = TestTimelines.Of(arousal, TestTimelines.Repeat(0f, arousal.Length));

        EmotionSummary.From(timeline).ArousalPeaks.Select(p => p.Second).Should().Equal(18);
    }

    [Fact]
    public void Single_second_timeline_is_summarised()
    {
        var summary = EmotionSummary.From(TestTimelines.Constant(-0.4f, 0.2f, 1));

        summary.Seconds.Should().Be(1);
        summary.Arousal!.Mean.Should().BeApproximately(-0.4, 1e-6);
        summary.Arousal.Percentile90.Should().BeApproximately(-0.4, 1e-6);
        summary.Arousal!.TrendPerMinute.Should().Be(0);
        summary.DominantQuadrant.Should().Be(EmotionQuadrant.Q4);
        summary.StrongestMoments.Should().ContainSingle().Which.Second.Should().Be(0);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        var timeline = TestTimelines.Constant(0f, 0f, 5);

        FluentActions.Invoking(() => EmotionSummary.From(timeline, new SummaryOptions { PeakSeparationSeconds = 0 }))
            .Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => EmotionSummary.From(timeline, new SummaryOptions { StrongestMomentCount = -1 }))
            .Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => EmotionSummary.From(timeline, new SummaryOptions { MinimumPeakProminence = -0.1 }))
            .Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => EmotionSummary.From(timeline, new SummaryOptions { MinimumPeakProminence = double.NaN }))
            .Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Summary_round_trips_through_System_Text_Json_with_quadrants_as_names()
    {
        float[] arousal = [0.1f, 0.9f, -0.2f, -0.8f, 0.4f];
        float[] valence = [0.1f, -0.1f, 0.2f, -0.7f, 0.9f];
        var summary = EmotionSummary.From(TestTimelines.Of(arousal, valence));

        string json = JsonSerializer.Serialize(summary);
        var back = JsonSerializer.Deserialize<EmotionSummary>(json);

        json.Should().Contain("\"DominantQuadrant\":\"Q1\"").And.Contain("\"Quadrant\":\"Q3\"");
        back.Should().BeEquivalentTo(summary);
    }

    [Fact]
    public void The_strongest_moment_stands_out_only_when_strong_and_above_the_songs_mean_mood()
    {
        static float[] WithSpike(float level, float spike) { float[] values = TestTimelines.Repeat(level, 30); values[12] = spike; return values; }

        // A calm, quiet song with one loud second: 0.9 ≥ 0.3 and far above the mean position's intensity (≈ 0.03).
        EmotionSummary spike = EmotionSummary.From(TestTimelines.Of(WithSpike(0f, 0.9f), TestTimelines.Repeat(0f, 30)));
        spike.StrongestMoments[0].Second.Should().Be(12);
        spike.StrongestMomentStandsOut.Should().BeTrue();

        // A flat, strong curve: every second is 0.5 from the origin, as is the mean; nothing stands out.
        EmotionSummary flat = EmotionSummary.From(TestTimelines.Constant(0.4f, -0.3f, 30));
        flat.StrongestMoments[0].Intensity.Should().BeApproximately(0.5, 1e-6);
        flat.StrongestMomentStandsOut.Should().BeFalse();

        // A small bump that rises above the mean but stays below an intensity of 0.3.
        EmotionSummary faint = EmotionSummary.From(TestTimelines.Of(WithSpike(0f, 0.25f), TestTimelines.Repeat(0f, 30)));
        faint.StrongestMomentStandsOut.Should().BeFalse();

        // Around the 0.1 margin: a spike of 0.6 over 0.5 leaves the mean at 0.5033 (0.097 below the spike), 0.61 at 0.5037 (0.106).
        EmotionSummary.From(TestTimelines.Of(WithSpike(0.5f, 0.6f), TestTimelines.Repeat(0f, 30))).StrongestMomentStandsOut.Should().BeFalse();
        EmotionSummary.From(TestTimelines.Of(WithSpike(0.5f, 0.61f), TestTimelines.Repeat(0f, 30))).StrongestMomentStandsOut.Should().BeTrue();
    }

    [Fact]
    public void The_description_names_the_strongest_moment_exactly_when_it_stands_out_and_json_carries_the_flag()
    {
        var describer = new MusicEmotion.Inference.Description.RuleBasedEmotionDescriber();
        foreach (EmotionTimeline timeline in new[]
        {
            TestTimelines.Constant(0.4f, -0.3f, 30),
            TestTimelines.Of(TestTimelines.Ramp(-0.2f, 0.8f, 40), TestTimelines.Repeat(0.1f, 40)),
            TestTimelines.Of(TestTimelines.Ramp(0.5f, 0.55f, 40), TestTimelines.Repeat(-0.2f, 40)),
        })
        {
            EmotionSummary summary = EmotionSummary.From(timeline);
            describer.Describe(summary).Contains("most intense moment", StringComparison.Ordinal).Should().Be(summary.StrongestMomentStandsOut);
            JsonSerializer.Serialize(summary).Should().Contain($"\"StrongestMomentStandsOut\":{(summary.StrongestMomentStandsOut ? "true" : "false")}");
        }

        EmotionSummary.From(TestTimelines.Of(TestTimelines.Ramp(-0.2f, 0.8f, 40), TestTimelines.Repeat(0.1f, 40))).StrongestMomentStandsOut.Should().BeTrue();
        EmotionSummary.From(new EmotionTimeline([0.9f, 0.9f], [0f, 0f], 2, [MusicPresence.Silence, MusicPresence.Silence])).StrongestMomentStandsOut
            .Should().BeFalse("a song without music has no moments");
    }
}
