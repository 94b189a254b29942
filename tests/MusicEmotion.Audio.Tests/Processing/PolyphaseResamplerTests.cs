using MusicEmotion.Audio.Processing;
using Xunit.Abstractions;
using static MusicEmotion.Audio.Tests.Processing.SignalTestHelpers;

namespace MusicEmotion.Audio.Tests.Processing;

public sealed class PolyphaseResamplerTests(ITestOutputHelper output)
{
    /// <summary>Frequency within 0.5 Hz (zero crossings) and peak amplitude within 0.1 dB, one second of tone.</summary>
    [Theory]
    [InlineData(44100, 22050, 1000.0)]
    [InlineData(44100, 22050, 9000.0)]
    [InlineData(48000, 22050, 1000.0)]
    [InlineData(22050, 44100, 1000.0)]
    [InlineData(22050, 44100, 9000.0)]
    [InlineData(44100, 16000, 1000.0)]
    [InlineData(44100, 16000, 6000.0)]
    [InlineData(8000, 44100, 440.0)]
    [InlineData(44101, 22050, 997.0)]
    [InlineData(44100, 48000, 3000.0)]
    public void Sine_keeps_its_frequency_and_amplitude(int sourceRate, int targetRate, double frequency)
    {
        const double amplitude = 0.5;
        float[] input = Sine(frequency, sourceRate, sourceRate, amplitude);

        float[] result = PolyphaseResampler.Resample(input, sourceRate, targetRate);

        int edge = targetRate / 20; // skip 50 ms at either end, where the tone starts and stops abruptly
        double measuredFrequency = ZeroCrossingFrequency(result, targetRate, edge, result.Length - edge);
        double measuredAmplitude = SineAmplitude(result, edge, result.Length - edge);
        double gainDb = Db(measuredAmplitude / amplitude);
        output.WriteLine($"{sourceRate}->{targetRate} {frequency} Hz: measured {measuredFrequency:F5} Hz, gain {gainDb:F5} dB");

        measuredFrequency.Should().BeApproximately(frequency, 0.5);
        gainDb.Should().BeApproximately(0, 0.1);
    }

    /// <summary>
    /// Output n must equal the band-limited input at time n·source/target: compared with the analytic tone
    /// (no delay, no leading silence) within 1e-3 absolute, away from the abrupt ends.
    /// </summary>
    [Theory]
    [InlineData(44100, 22050, 440.0)]
    [InlineData(48000, 22050, 1234.5)]
    [InlineData(22050, 44100, 440.0)]
    [InlineData(8000, 44100, 300.0)]
    [InlineData(44101, 22050, 997.0)]
    [InlineData(44100, 16000, 2500.0)]
    public void Output_is_time_aligned_with_the_input(int sourceRate, int targetRate, double frequency)
    {
        float[] input = Sine(frequency, sourceRate, sourceRate / 2, 0.8, phase: 0.3);

        float[] result = PolyphaseResampler.Resample(input, sourceRate, targetRate);

        float[] expected = Sine(frequency, targetRate, result.Length, 0.8, phase: 0.3);
        int edge = targetRate / 50;
        double worst = 0;
        for (int n = edge; n < result.Length - edge; n++)
        {
            worst = Math.Max(worst, Math.Abs(result[n] - expected[n]));
        }

        output.WriteLine($"{sourceRate}->{targetRate}: max |error| {worst:E3}");
        worst.Should().BeLessThan(1e-3);
    }

    /// <summary>Tones above the new Nyquist: output RMS at least N dB below the input RMS (edges skipped).</summary>
    [Theory]
    [InlineData(44100, 22050, 15000.0, ResamplerQuality.Balanced, 75.0)]
    [InlineData(44100, 22050, 11100.0, ResamplerQuality.Balanced, 75.0)]
    [InlineData(48000, 22050, 13000.0, ResamplerQuality.Balanced, 75.0)]
    [InlineData(44101, 22050, 15000.0, ResamplerQuality.Balanced, 75.0)]
    [InlineData(44100, 16000, 10000.0, ResamplerQuality.Balanced, 75.0)]
    [InlineData(44100, 22050, 15000.0, ResamplerQuality.Fast, 60.0)]
    [InlineData(44100, 22050, 15000.0, ResamplerQuality.High, 95.0)]
    public void Tone_above_the_new_nyquist_is_attenuated(int sourceRate, int targetRate, double frequency, ResamplerQuality quality, double minAttenuationDb)
    {
        float[] input = Sine(frequency, sourceRate, sourceRate);

        float[] result = PolyphaseResampler.Resample(input, sourceRate, targetRate, quality);

        int edge = targetRate / 20;
        double attenuationDb = -Db(Rms(result.AsSpan(edge, result.Length - (2 * edge))) / Rms(input));
        output.WriteLine($"{sourceRate}->{targetRate} {frequency} Hz ({quality}): {attenuationDb:F1} dB down");
        attenuationDb.Should().BeGreaterThanOrEqualTo(minAttenuationDb);
    }

    /// <summary>Constant input gives the same constant (unity DC gain) within 1e-5, away from the zero-padded ends.</summary>
    [Theory]
    [InlineData(44100, 22050)]
    [InlineData(8000, 44100)]
    [InlineData(44101, 22050)]
    public void Dc_gain_is_unity(int sourceRate, int targetRate)
    {
        float[] input = Enumerable.Repeat(0.25f, sourceRate / 10).ToArray();

        float[] result = PolyphaseResampler.Resample(input, sourceRate, targetRate);

        int edge = targetRate / 100;
        foreach (float v in result.AsSpan(edge, result.Length - (2 * edge)))
        {
            v.Should().BeApproximately(0.25f, 1e-5f);
        }
    }

    /// <summary>Bit-identical output for write chunks and read buffers of 1, 3 and 1000 samples.</summary>
    [Theory]
    [InlineData(44100, 22050)]
    [InlineData(48000, 22050)]
    [InlineData(8000, 44100)]
    [InlineData(44101, 22050)]
    [InlineData(66150, 22050)]
    [InlineData(96000, 16000)]
    [InlineData(44100, 48000)]
    [InlineData(22050, 44100)]
    public void Output_does_not_depend_on_chunk_sizes(int sourceRate, int targetRate)
    {
        var random = new Random(7);
        // Long enough for whole blocks of the vectorised paths (64·147 outputs from 20,672 inputs at 48 → 22.05 kHz).
        float[] input = Enumerable.Range(0, 50_000).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        float[] reference = PolyphaseResampler.Resample(input, sourceRate, targetRate);

        foreach (int writeChunk in new[] { 1, 3, 1000 })
        {
            foreach (int readChunk in new[] { 1, 3, 1000 })
            {
                var resampler = new PolyphaseResampler(sourceRate, targetRate);
                var collected = new List<float>();
                var buffer = new float[readChunk];
                for (int offset = 0; offset < input.Length; offset += writeChunk)
                {
                    resampler.Write(input.AsSpan(offset, Math.Min(writeChunk, input.Length - offset)));
                    Drain(resampler, buffer, collected);
                }

                resampler.Complete();
                Drain(resampler, buffer, collected);

                resampler.IsDrained.Should().BeTrue();
                collected.Should().Equal(reference, $"write chunks {writeChunk}, read chunks {readChunk}");
            }
        }

        static void Drain(PolyphaseResampler resampler, float[] buffer, List<float> collected)
        {
            int read;
            while ((read = resampler.Read(buffer)) > 0)
            {
                collected.AddRange(buffer.AsSpan(0, read));
            }
        }
    }

    /// <summary>Exact rule: round(N·target/source), halves up.</summary>
    [Theory]
    [InlineData(0, 44100, 22050, 0)]
    [InlineData(1, 44100, 22050, 1)]
    [InlineData(3, 44100, 22050, 2)]
    [InlineData(4, 44100, 22050, 2)]
    [InlineData(100, 48000, 22050, 46)] // 45.9375
    [InlineData(1000, 8000, 44100, 5513)] // 5512.5
    [InlineData(44101, 44101, 22050, 22050)]
    [InlineData(7_938_000, 44100, 22050, 3_969_000)] // 3 minutes
    [InlineData(1, 8000, 44100, 6)] // 5.5125
    public void Output_length_follows_the_rounding_rule(long inputLength, int sourceRate, int targetRate, long expected)
    {
        PolyphaseResampler.GetOutputLength(inputLength, sourceRate, targetRate).Should().Be(expected);
        if (inputLength <= 100_000)
        {
            PolyphaseResampler.Resample(new float[inputLength], sourceRate, targetRate).Length.Should().Be((int)expected);
        }
    }

    [Fact]
    public void Large_reduced_ratio_uses_interpolated_phases_and_small_ones_exact()
    {
        new PolyphaseResampler(44100, 22050).UsesExactPhases.Should().BeTrue();
        new PolyphaseResampler(48000, 22050).UsesExactPhases.Should().BeTrue();
        new PolyphaseResampler(8000, 44100).UsesExactPhases.Should().BeTrue();
        var odd = new PolyphaseResampler(44101, 22050);
        odd.UsesExactPhases.Should().BeFalse();
        odd.UpFactor.Should().Be(22050);
        odd.DownFactor.Should().Be(44101);
    }

    [Fact]
    public void Cutoff_is_the_documented_fraction_of_the_lower_nyquist()
    {
        new PolyphaseResampler(44100, 22050).CutoffHz.Should().BeApproximately(0.94 * 11025, 1e-6);
        new PolyphaseResampler(22050, 44100).CutoffHz.Should().BeApproximately(0.94 * 11025, 1e-6);
        new PolyphaseResampler(44100, 22050, ResamplerQuality.Fast).CutoffHz.Should().BeApproximately(0.90 * 11025, 1e-6);
        new PolyphaseResampler(44100, 22050, ResamplerQuality.High).CutoffHz.Should().BeApproximately(0.96 * 11025, 1e-6);
    }

    [Fact]
    public void Same_rate_one_shot_is_a_copy()
    {
        float[] input = [0.1f, -0.2f, 0.3f];
        float[] result = PolyphaseResampler.Resample(input, 16000, 16000);
        result.Should().Equal(input);
        result.Should().NotBeSameAs(input);
    }

    [Fact]
    public void Reset_starts_a_new_identical_stream()
    {
        float[] input = Sine(440, 44100, 3000);
        var resampler = new PolyphaseResampler(44100, 22050);
        var first = new float[2000];
        resampler.Write(input);
        resampler.Complete();
        int n1 = resampler.Read(first);

        resampler.Reset();
        var second = new float[2000];
        resampler.Write(input);
        resampler.Complete();
        int n2 = resampler.Read(second);

        n1.Should().Be(1500);
        n2.Should().Be(n1);
        second.Should().Equal(first);
    }

    [Theory]
    [InlineData(0, 22050)]
    [InlineData(-1, 22050)]
    [InlineData(44100, 0)]
    [InlineData(44100, -8000)]
    [InlineData(1_000_001, 22050)]
    [InlineData(44100, 2_000_000)]
    [InlineData(44100, 100)] // ratio 441 > 256
    [InlineData(100, 44100)]
    public void Invalid_rates_are_rejected(int sourceRate, int targetRate)
    {
        var construct = () => new PolyphaseResampler(sourceRate, targetRate);
        construct.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Hz*");
        var length = () => PolyphaseResampler.GetOutputLength(10, sourceRate, targetRate);
        length.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Invalid_quality_and_negative_length_are_rejected()
    {
        var construct = () => new PolyphaseResampler(44100, 22050, (ResamplerQuality)42);
        construct.Should().Throw<ArgumentOutOfRangeException>();
        var length = () => PolyphaseResampler.GetOutputLength(-1, 44100, 22050);
        length.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Writing_after_complete_throws()
    {
        var resampler = new PolyphaseResampler(44100, 22050);
        resampler.Complete();
        var write = () => resampler.Write(new float[4]);
        write.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Heavy_decimation_skips_input_it_no_longer_needs()
    {
        // 256:1 — each output advances 256 input samples, more than a small write chunk.
        float[] input = Sine(50, 256_000, 256_000);
        var resampler = new PolyphaseResampler(256_000, 1000);
        var collected = new List<float>();
        var buffer = new float[7];
        for (int offset = 0; offset < input.Length; offset += 100)
        {
            resampler.Write(input.AsSpan(offset, Math.Min(100, input.Length - offset)));
            int read;
            while ((read = resampler.Read(buffer)) > 0)
            {
                collected.AddRange(buffer.AsSpan(0, read));
            }
        }

        resampler.Complete();
        int last;
        while ((last = resampler.Read(buffer)) > 0)
        {
            collected.AddRange(buffer.AsSpan(0, last));
        }

        collected.Should().Equal(PolyphaseResampler.Resample(input, 256_000, 1000));
        collected.Should().HaveCount(1000);
        ZeroCrossingFrequency(collected.ToArray(), 1000, 50, 950).Should().BeApproximately(50, 0.5);
    }

    /// <summary>
    /// The vectorised path of integer decimation (phase split, folded symmetric taps, fused multiply-adds across
    /// outputs) computes the plain convolution with the filter row: checked against a double-precision direct sum.
    /// </summary>
    [Theory]
    [InlineData(44100, 22050)]
    [InlineData(66150, 22050)]
    [InlineData(88200, 22050)]
    [InlineData(48000, 8000)]
    [InlineData(256_000, 1000)]
    public void Integer_decimation_equals_the_direct_convolution(int sourceRate, int targetRate) =>
        WorstErrorAgainstDirectSum(sourceRate, targetRate, inputLength: 9000, seed: 11).Should().BeLessThan(2e-6);

    /// <summary>
    /// The vectorised path of the other exact ratios (outputs that share a phase computed together, a block of
    /// lanes · L outputs at a time) computes the plain polyphase convolution: checked against a double-precision sum.
    /// </summary>
    [Theory]
    [InlineData(48000, 22050)]
    [InlineData(8000, 44100)]
    [InlineData(44100, 48000)]
    [InlineData(22050, 44100)]
    [InlineData(32000, 22050)]
    public void Rational_conversion_equals_the_direct_polyphase_sum(int sourceRate, int targetRate) =>
        WorstErrorAgainstDirectSum(sourceRate, targetRate, inputLength: 60_000, seed: 5).Should().BeLessThan(2e-6);

    /// <summary>
    /// Largest difference between the resampler's output and the polyphase sum done in double precision: output n
    /// uses row (n·M mod L) over the inputs from floor(n·M / L) − HalfWidth + 1 on (zeros outside the signal).
    /// </summary>
    private double WorstErrorAgainstDirectSum(int sourceRate, int targetRate, int inputLength, int seed)
    {
        var random = new Random(seed);
        float[] input = Enumerable.Range(0, inputLength).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var resampler = new PolyphaseResampler(sourceRate, targetRate);
        float[] fast = PolyphaseResampler.Resample(input, sourceRate, targetRate);

        int up = resampler.UpFactor;
        int down = resampler.DownFactor;
        var bank = PolyphaseFilterBank.Design(up, down, ResamplerQuality.Balanced);
        bank.IsExact.Should().BeTrue();
        double worst = 0;
        for (int n = 0; n < fast.Length; n++)
        {
            long position = (long)n * down;
            ReadOnlySpan<float> row = bank.Row((int)(position % up));
            long first = (position / up) - bank.HalfWidth + 1;
            double expected = 0;
            for (int t = 0; t < row.Length; t++)
            {
                long index = first + t;
                if (index >= 0 && index < input.Length)
                {
                    expected += row[t] * (double)input[index];
                }
            }

            worst = Math.Max(worst, Math.Abs(fast[n] - expected));
        }

        output.WriteLine($"{sourceRate}->{targetRate} ({up}/{down}): {fast.Length} outputs, worst error {worst:E2}");
        return worst;
    }
}
