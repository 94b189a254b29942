using MusicEmotion.Evaluation.Dynamics;

namespace MusicEmotion.Evaluation.Tests.Dynamics;

public sealed class StepResponseTests
{
    // Value i is placed at i + 0.5 s.
    private static float[] Curve(int seconds, Func<double, double> valueAt) =>
        Enumerable.Range(0, seconds).Select(i => (float)valueAt(i + 0.5)).ToArray();

    [Fact]
    public void A_sharp_step_has_full_contrast_and_a_sub_second_rise()
    {
        float[] curve = Curve(60, t => t < 30 ? -0.5 : 0.5);

        StepResponse r = StepResponse.Measure(curve, 30.0, JoinDirection.Rising)!;

        (r.PlateauBefore, r.PlateauAfter, r.DirectionRight).Should().Be((-0.5, 0.5, true));
        r.Contrast.Should().BeApproximately(1.0, 1e-9);
        r.RiseTimeSeconds.Should().BeApproximately(0.6, 1e-9, "20 % is crossed 0.2 s and 80 % 0.8 s after the last value before the step");
    }

    [Fact]
    public void A_linear_ten_second_ramp_rises_from_20_to_80_percent_in_six_seconds()
    {
        float[] curve = Curve(60, t => Math.Clamp((t - 25) / 10, 0, 1));

        StepResponse r = StepResponse.Measure(curve, 30.0, JoinDirection.Rising)!;

        r.Contrast.Should().BeApproximately(1.0, 1e-6);
        r.RiseTimeSeconds.Should().BeApproximately(6.0, 1e-5);
    }

    [Fact]
    public void Plateaus_are_the_values_between_five_and_ten_seconds_from_the_join()
    {
        // Values outside the plateaus (near the join, and further than 10 s) must not count.
        float[] curve = Curve(60, t => t < 19.5 ? 9 : t < 25.5 ? 0.1 : t < 30 ? 5 : t < 35 ? -5 : t < 40.5 ? 0.7 : -9);

        StepResponse r = StepResponse.Measure(curve, 30.0, JoinDirection.Rising)!;

        r.PlateauBefore.Should().BeApproximately(0.1, 1e-6);
        r.PlateauAfter.Should().BeApproximately(0.7, 1e-6);
    }

    [Fact]
    public void A_fall_is_right_for_a_falling_join_and_wrong_for_a_rising_one()
    {
        float[] curve = Curve(40, t => t < 20 ? 0.4 : -0.2);

        StepResponse falling = StepResponse.Measure(curve, 20.0, JoinDirection.Falling)!;
        StepResponse rising = StepResponse.Measure(curve, 20.0, JoinDirection.Rising)!;

        falling.DirectionRight.Should().BeTrue();
        falling.Contrast.Should().BeApproximately(0.6, 1e-6);
        falling.RiseTimeSeconds.Should().NotBeNull();
        rising.DirectionRight.Should().BeFalse();
        rising.Contrast.Should().BeApproximately(-0.6, 1e-6);
        rising.RiseTimeSeconds.Should().BeNull("a curve that moved the wrong way has no rise time");
    }

    [Fact]
    public void A_wobble_before_the_step_does_not_shorten_the_rise_time()
    {
        // Crosses 20 % early (a blip at 24.5 s), falls back, then ramps: the rise starts at the last crossing.
        float[] curve = Curve(60, t => t is > 24 and < 25 ? 0.3 : Math.Clamp((t - 28) / 4, 0, 1));

        StepResponse r = StepResponse.Measure(curve, 30.0, JoinDirection.Rising)!;

        r.RiseTimeSeconds.Should().BeInRange(2.0, 3.0);
    }

    [Fact]
    public void Too_little_audio_on_one_side_gives_no_measurement()
    {
        StepResponse.Measure(Curve(30, t => t < 3 ? 0 : 1), 3.0, JoinDirection.Rising).Should().BeNull();
        StepResponse.Measure(Curve(7, t => t < 3 ? 0 : 1), 3.0, JoinDirection.Rising).Should().BeNull();
    }

    [Fact]
    public void Margins_are_checked()
    {
        Action negative = () => StepResponse.Measure([0f, 1f], 1, JoinDirection.Rising, -1, 5);
        Action inverted = () => StepResponse.Measure([0f, 1f], 1, JoinDirection.Rising, 6, 5);
        negative.Should().Throw<ArgumentOutOfRangeException>();
        inverted.Should().Throw<ArgumentOutOfRangeException>();
    }
}
