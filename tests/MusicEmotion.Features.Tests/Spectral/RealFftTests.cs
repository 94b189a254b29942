using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using MusicEmotion.Features.Spectral;

namespace MusicEmotion.Features.Tests;

public class RealFftTests
{
    // Tolerance: 1e-5 relative to the spectrum's maximum magnitude.
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(128)]
    [InlineData(256)]
    [InlineData(512)]
    [InlineData(1024)]
    [InlineData(2048)]
    [InlineData(4096)]
    public void Forward_matches_MathNet(int n)
    {
        var random = new Random(n);
        for (int trial = 0; trial < 3; trial++)
        {
            var x = new float[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = (float)((2 * random.NextDouble()) - 1);
            }

            var reference = x.Select(v => new Complex(v, 0)).ToArray();
            Fourier.Forward(reference, FourierOptions.Matlab);

            var fft = new RealFft(n);
            var re = new float[(n / 2) + 1];
            var im = new float[(n / 2) + 1];
            fft.Forward(x, re, im);

            double maxMagnitude = reference.Take((n / 2) + 1).Max(c => c.Magnitude);
            for (int k = 0; k <= n / 2; k++)
            {
                double error = Math.Sqrt(Math.Pow(re[k] - reference[k].Real, 2) + Math.Pow(im[k] - reference[k].Imaginary, 2));
                (error / maxMagnitude).Should().BeLessThan(1e-5, $"bin {k} of n={n}");
            }
        }
    }

    // Tolerance: 1e-5 relative (Parseval: Σx² = (|X0|² + 2Σ|Xk|² + |X_{n/2}|²)/n).
    [Theory]
    [InlineData(64)]
    [InlineData(2048)]
    public void Power_spectrum_satisfies_Parseval(int n)
    {
        float[] x = TestSignals.WhiteNoise(n, 7);
        var fft = new RealFft(n);
        var power = new float[fft.BinCount];
        fft.PowerSpectrum(x, power);
        double timeEnergy = x.Sum(v => (double)v * v);
        double frequencyEnergy = power[0] + power[n / 2];
        for (int k = 1; k < n / 2; k++)
        {
            frequencyEnergy += 2.0 * power[k];
        }

        (frequencyEnergy / n).Should().BeApproximately(timeEnergy, timeEnergy * 1e-5);
    }

    [Fact]
    public void Sine_lands_in_its_bin()
    {
        // Exact bin frequency: bin 100 of a 1024-point FFT; all other bins below 1e-4 of the peak.
        const int n = 1024;
        float[] x = TestSignals.Sine(100.0 * 8000 / n, 8000, n);
        var fft = new RealFft(n);
        var magnitude = new float[fft.BinCount];
        fft.MagnitudeSpectrum(x, magnitude);
        int peak = Array.IndexOf(magnitude, magnitude.Max());
        peak.Should().Be(100);
        magnitude[100].Should().BeApproximately(0.5f * n / 2, 1e-2f);
        magnitude.Where((_, k) => k != 100).Max().Should().BeLessThan(magnitude[100] * 1e-4f);
    }

    [Fact]
    public void Rejects_bad_lengths()
    {
        FluentActions.Invoking(() => new RealFft(1000)).Should().Throw<ArgumentOutOfRangeException>();
        var fft = new RealFft(16);
        FluentActions.Invoking(() => fft.Forward(new float[15], new float[9], new float[9])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => fft.PowerSpectrum(new float[16], new float[8])).Should().Throw<ArgumentException>();
    }
}
