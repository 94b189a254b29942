using BenchmarkDotNet.Attributes;
using MathNet.Numerics.IntegralTransforms;
using MusicEmotion.Features.Spectral;
using Complex32 = MathNet.Numerics.Complex32;

namespace MusicEmotion.Benchmarks;

/// <summary>Our real FFT against MathNet.Numerics (managed provider) on the same real input.</summary>
[MemoryDiagnoser]
public class FftBenchmarks
{
    private float[] _input = [];
    private float[] _real = [];
    private float[] _imag = [];
    private float[] _mathNetReal = [];
    private Complex32[] _mathNetComplex = [];
    private RealFft _fft = null!;

    /// <summary>Transform length.</summary>
    [Params(512, 1024, 2048)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _input = Enumerable.Range(0, N).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        _fft = new RealFft(N);
        _real = new float[N / 2 + 1];
        _imag = new float[N / 2 + 1];
        _mathNetReal = new float[N + 2];
        _mathNetComplex = new Complex32[N];
    }

    [Benchmark(Description = "MusicEmotion RealFft.Forward")]
    public float Ours()
    {
        _fft.Forward(_input, _real, _imag);
        return _real[1];
    }

    [Benchmark(Baseline = true, Description = "MathNet Fourier.ForwardReal")]
    public float MathNetReal()
    {
        _input.CopyTo(_mathNetReal, 0);
        Fourier.ForwardReal(_mathNetReal, N, FourierOptions.Matlab);
        return _mathNetReal[2];
    }

    [Benchmark(Description = "MathNet Fourier.Forward (complex)")]
    public float MathNetComplex()
    {
        for (int i = 0; i < N; i++)
        {
            _mathNetComplex[i] = new Complex32(_input[i], 0);
        }

        Fourier.Forward(_mathNetComplex, FourierOptions.Matlab);
        return _mathNetComplex[1].Real;
    }
}
