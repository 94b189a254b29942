using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Inference.Tests.Analysis;

public class FixedLengthResamplerTests
{
    [Theory]
    [InlineData(500, 180)]
    [InlineData(180, 180)]
    [InlineData(37, 180)]
    [InlineData(181, 180)]
    [InlineData(1, 180)]
    [InlineData(300, 1)]
    public void Output_has_exactly_the_requested_length(int inputLength, int length)
    {
        float[] input = TestTimelines.Ramp(-1f, 1f, inputLength);

        FixedLengthResampler.Resample(input, length).Should().HaveCount(length);
    }

    [Theory]
    [InlineData(500, 180)]
    [InlineData(37, 180)]
    [InlineData(1, 180)]
    [InlineData(181, 7)]
    public void Constant_series_stays_constant(int inputLength, int length)
    {
        float[] output = FixedLengthResampler.Resample(TestTimelines.Repeat(0.37f, inputLength), length);

        output.Should().OnlyContain(v => Math.Abs(v - 0.37f) < 1e-6f);
    }

    [Fact]
    public void Ramp_stays_a_ramp_when_stretching_and_keeps_its_ends()
    {
        float[] output = FixedLengthResampler.Resample(TestTimelines.Ramp(-0.5f, 0.5f, 60), 180);

        output[0].Should().BeApproximately(-0.5f, 1e-6f);
        output[^1].Should().BeApproximately(0.5f, 1e-6f);
        AssertEvenlySpaced(output, 1.0 / 179, 1e-5);
    }

    [Fact]
    public void Ramp_stays_a_ramp_when_shrinking_by_an_integer_factor()
    {
        // Averages of a linear series over blocks of 3 are linear too: steps of 3 · (1/599) per output value.
        float[] output = FixedLengthResampler.Resample(TestTimelines.Ramp(-0.5f, 0.5f, 600), 200);

        output[0].Should().BeApproximately(-0.5f + (1f / 599), 1e-6f); // mean of the first three values
        AssertEvenlySpaced(output, 3.0 / 599, 1e-5);
    }

    [Fact]
    public void Ramp_stays_increasing_and_close_to_linear_when_shrinking_by_a_fractional_factor()
    {
        // 600 → 240 (factor 2.5): each output step is 2.5 input steps, give or take a fraction of one input step.
        float[] output = FixedLengthResampler.Resample(TestTimelines.Ramp(-0.5f, 0.5f, 600), 240);

        output.Should().BeInAscendingOrder();
        AssertEvenlySpaced(output, 2.5 / 599, 0.25 / 599);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(10)]
    public void Mean_is_preserved_when_shrinking_by_an_integer_factor(int factor)
    {
        var random = new Random(1234);
        float[] input = Enumerable.Range(0, 180 * factor).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();

        float[] output = FixedLengthResampler.Resample(input, 180);

        output.Select(v => (double)v).Average().Should().BeApproximately(input.Select(v => (double)v).Average(), 1e-6);
        // Integer factor: each output is the plain average of its block.
        output[7].Should().BeApproximately((float)input.Skip(7 * factor).Take(factor).Average(), 1e-6f);
    }

    [Fact]
    public void Mean_is_preserved_when_shrinking_by_a_fractional_factor()
    {
        var random = new Random(99);
        float[] input = Enumerable.Range(0, 437).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();

        float[] output = FixedLengthResampler.Resample(input, 180);

        output.Select(v => (double)v).Average().Should().BeApproximately(input.Select(v => (double)v).Average(), 1e-6);
    }

    [Fact]
    public void Length_one_gives_the_mean()
    {
        float[] input = [0.2f, -0.4f, 0.9f, 0.1f];

        FixedLengthResampler.Resample(input, 1).Should().ContainSingle().Which.Should().BeApproximately(0.2f, 1e-6f);
    }

    [Fact]
    public void Empty_input_and_non_positive_length_are_rejected()
    {
        FluentActions.Invoking(() => FixedLengthResampler.Resample(Array.Empty<float>(), 10)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => FixedLengthResampler.Resample([0.1f], 0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    private static void AssertEvenlySpaced(float[] values, double step, double tolerance)
    {
        for (int i = 1; i < values.Length; i++)
        {
            ((double)values[i] - values[i - 1]).Should().BeApproximately(step, tolerance, $"step {i} of a ramp");
        }
    }
}
