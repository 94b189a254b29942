using MusicEmotion.Inference.Prediction;

namespace MusicEmotion.Inference.Tests.Prediction;

/// <summary>
/// The music/no-music decision on generated signals whose answer is known: silence, near-silence, steady tones, hum and
/// noise are not music; notes that change are; silence around music is flagged at the right seconds.
/// </summary>
public sealed class MusicPresenceDetectorTests
{
    private const int Rate = 22050;

    [Fact]
    public void Thirty_minutes_of_digital_silence_is_silence_throughout()
    {
        IReadOnlyList<MusicPresence> seconds = Detect(new float[Rate * 60 * 30]);

        seconds.Should().HaveCount(1800).And.OnlyContain(p => p == MusicPresence.Silence);
    }

    [Fact]
    public void Noise_at_minus_70_dBFS_is_silence()
    {
        float[] noise = Signals.WhiteNoise(20 * Rate, Decibels(-70), seed: 1);

        Detect(noise).Should().OnlyContain(p => p == MusicPresence.Silence);
    }

    [Theory]
    [InlineData(440.0)]
    [InlineData(1000.0)]
    [InlineData(82.4)]
    public void A_constant_tone_is_a_steady_signal(double frequency)
    {
        float[] tone = Signals.Sine(20 * Rate, frequency, Decibels(-20));

        Detect(tone).Should().OnlyContain(p => p == MusicPresence.SteadySignal);
    }

    [Fact]
    public void Mains_hum_is_a_steady_signal()
    {
        float[] hum = Signals.Sum(Signals.Sine(20 * Rate, 50, Decibels(-24)), Signals.Sine(20 * Rate, 150, Decibels(-30)), Signals.Sine(20 * Rate, 250, Decibels(-36)));

        Detect(hum).Should().OnlyContain(p => p == MusicPresence.SteadySignal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Steady_noise_is_a_steady_signal(bool pink)
    {
        float[] noise = pink ? Signals.PinkNoise(20 * Rate, Decibels(-20), seed: 3) : Signals.WhiteNoise(20 * Rate, Decibels(-20), seed: 3);

        Detect(noise).Should().OnlyContain(p => p == MusicPresence.SteadySignal);
    }

    [Fact]
    public void Changing_notes_are_music()
    {
        Detect(Signals.Melody(30 * Rate, Rate, seed: 5)).Should().OnlyContain(p => p == MusicPresence.Music);
    }

    [Fact]
    public void Silence_before_and_after_music_is_flagged_at_the_right_seconds()
    {
        float[] signal = [.. new float[10 * Rate], .. Signals.Melody(30 * Rate, Rate, seed: 7), .. new float[10 * Rate]];

        IReadOnlyList<MusicPresence> seconds = Detect(signal);

        seconds.Should().HaveCount(50);
        seconds.Take(10).Should().OnlyContain(p => p == MusicPresence.Silence);
        seconds.Skip(10).Take(30).Should().OnlyContain(p => p == MusicPresence.Music);
        seconds.Skip(40).Should().OnlyContain(p => p == MusicPresence.Silence);
    }

    [Fact]
    public void A_short_pause_inside_music_is_part_of_the_music_but_a_long_one_is_not()
    {
        float[] melody = Signals.Melody(10 * Rate, Rate, seed: 9);
        float[] signal = [.. melody, .. new float[2 * Rate], .. melody, .. new float[6 * Rate], .. melody];

        IReadOnlyList<MusicPresence> seconds = Detect(signal);

        seconds.Take(22).Should().OnlyContain(p => p == MusicPresence.Music, "a 2-second pause is shorter than the 3-second minimum gap");
        seconds.Skip(22).Take(6).Should().OnlyContain(p => p == MusicPresence.Silence);
        seconds.Skip(28).Should().OnlyContain(p => p == MusicPresence.Music);
    }

    [Fact]
    public void A_tone_between_two_stretches_of_music_is_flagged()
    {
        float[] signal = [.. Signals.Melody(10 * Rate, Rate, seed: 11), .. Signals.Sine(12 * Rate, 440, Decibels(-20)), .. Signals.Melody(10 * Rate, Rate, seed: 12)];

        IReadOnlyList<MusicPresence> seconds = Detect(signal);

        seconds.Skip(13).Take(6).Should().OnlyContain(p => p == MusicPresence.SteadySignal, "the middle of the tone is far from the music on both sides");
        seconds.Take(9).Should().OnlyContain(p => p == MusicPresence.Music);
        seconds.Skip(23).Should().OnlyContain(p => p == MusicPresence.Music);
    }

    [Fact]
    public void Streaming_in_odd_chunks_gives_the_same_answers_and_finalises_seconds_early()
    {
        float[] signal = [.. new float[5 * Rate], .. Signals.Melody(20 * Rate, Rate, seed: 13), .. Signals.Sine(10 * Rate, 440, Decibels(-20))];
        IReadOnlyList<MusicPresence> whole = Detect(signal);

        var detector = new MusicPresenceDetector(Rate, MusicDetectionOptions.Default);
        int offset = 0, chunk = 1;
        while (offset < signal.Length)
        {
            int n = Math.Min(chunk, signal.Length - offset);
            detector.Push(signal.AsSpan(offset, n));
            offset += n;
            chunk = (chunk * 7 % 9973) + 1;
            if (offset >= 20 * Rate)
            {
                detector.FinalSeconds.Should().BeGreaterThan((offset / Rate) - 8, "a second is final a few seconds after its audio");
            }
        }

        detector.Complete();
        detector.Final.Should().Equal(whole);
    }

    [Fact]
    public void Disabled_detection_calls_every_second_music()
    {
        var detector = new MusicPresenceDetector(Rate, MusicDetectionOptions.Disabled);
        detector.Push(new float[(10 * Rate) + 100]);
        detector.Complete();

        detector.Final.Should().HaveCount(11).And.OnlyContain(p => p == MusicPresence.Music);
    }

    [Fact]
    public void Other_sample_rates_work()
    {
        const int rate = 44100;
        var detector = new MusicPresenceDetector(rate, MusicDetectionOptions.Default);
        detector.Push([.. Signals.Melody(10 * rate, rate, seed: 15), .. Signals.Sine(10 * rate, 440, Decibels(-20))]);
        detector.Complete();

        detector.Final.Take(8).Should().OnlyContain(p => p == MusicPresence.Music);
        detector.Final.Skip(13).Should().OnlyContain(p => p == MusicPresence.SteadySignal);
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        var act = () => new MusicPresenceDetector(Rate, new MusicDetectionOptions { SilenceThresholdDb = 3 });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*silence threshold*");
    }

    private static IReadOnlyList<MusicPresence> Detect(float[] signal)
    {
        var detector = new MusicPresenceDetector(Rate, MusicDetectionOptions.Default);
        detector.Push(signal);
        detector.Complete();
        return detector.Final;
    }

    private static float Decibels(double db) => (float)Math.Pow(10, db / 20);

    /// <summary>Generated test signals with a known answer.</summary>
    private static class Signals
    {
        public static float[] Sine(int length, double frequency, float amplitude)
        {
            var x = new float[length];
            for (int i = 0; i < length; i++)
            {
                x[i] = amplitude * MathF.Sqrt(2) * (float)Math.Sin(2 * Math.PI * frequency * i / Rate);
            }

            return x;
        }

        public static float[] WhiteNoise(int length, float rms, int seed)
        {
            var random = new Random(seed);
            var x = new float[length];
            for (int i = 0; i < length; i++)
            {
                x[i] = rms * MathF.Sqrt(3) * ((2 * random.NextSingle()) - 1);
            }

            return x;
        }

        /// <summary>Pink noise (Paul Kellet's filter over white noise), scaled to <paramref name="rms"/>.</summary>
        public static float[] PinkNoise(int length, float rms, int seed)
        {
            float[] white = WhiteNoise(length, 1, seed);
            var x = new float[length];
            double b0 = 0, b1 = 0, b2 = 0;
            double sum = 0;
            for (int i = 0; i < length; i++)
            {
                b0 = (0.99765 * b0) + (white[i] * 0.0990460);
                b1 = (0.96300 * b1) + (white[i] * 0.2965164);
                b2 = (0.57000 * b2) + (white[i] * 1.0526913);
                x[i] = (float)(b0 + b1 + b2 + (white[i] * 0.1848));
                sum += (double)x[i] * x[i];
            }

            float scale = rms / (float)Math.Sqrt(sum / length);
            for (int i = 0; i < length; i++)
            {
                x[i] *= scale;
            }

            return x;
        }

        /// <summary>Plucked notes (harmonics with a fast attack and an exponential decay), a new random pitch every 0.4 s.</summary>
        public static float[] Melody(int length, int rate, int seed)
        {
            var random = new Random(seed);
            var x = new float[length];
            int noteLength = (int)(0.4 * rate);
            for (int start = 0; start < length; start += noteLength)
            {
                double frequency = 220 * Math.Pow(2, random.Next(0, 24) / 12.0);
                for (int i = 0; i < noteLength && start + i < length; i++)
                {
                    double t = (double)i / rate;
                    double envelope = Math.Min(1, t / 0.01) * Math.Exp(-t * 6);
                    double value = 0;
                    for (int h = 1; h <= 4; h++)
                    {
                        value += Math.Sin(2 * Math.PI * frequency * h * t) / h;
                    }

                    x[start + i] = (float)(0.2 * envelope * value);
                }
            }

            return x;
        }

        public static float[] Sum(params float[][] parts)
        {
            var x = new float[parts[0].Length];
            foreach (float[] part in parts)
            {
                for (int i = 0; i < x.Length; i++)
                {
                    x[i] += part[i];
                }
            }

            return x;
        }
    }
}
