using BenchmarkDotNet.Attributes;
using MathNet.Numerics.IntegralTransforms;
using MusicEmotion.Features.Spectral;
using Complex32 = MathNet.Numerics.Complex32;

namespace MusicEmotion.Benchmarks;

/// <summary>
/// Our real FFT against the peers a .NET user would pick, on the same real input, side by side: MathNet.Numerics
/// (managed provider), FftSharp (double precision, allocates its output) and NWaves (float, real FFT, preallocated).
/// </summary>
[MemoryDiagnoser]
public class FftBenchmarks
{
    private float[] _input = [];
    private float[] _real = [];
    private float[] _imag = [];
    private float[] _mathNetReal = [];
    private Complex32[] _mathNetComplex = [];
    private double[] _fftSharpInput = [];
    private float[] _nwavesReal = [];
    private float[] _nwavesImag = [];
    private RealFft _fft = null!;
    private NWaves.Transforms.RealFft _nwaves = null!;

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
        _fftSharpInput = _input.Select(x => (double)x).ToArray();
        _nwaves = new NWaves.Transforms.RealFft(N);
        _nwavesReal = new float[N];
        _nwavesImag = new float[N];
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

    [Benchmark(Description = "FftSharp FFT.ForwardReal (double)")]
    public double FftSharpReal() => FftSharp.FFT.ForwardReal(_fftSharpInput)[1].Real;

    [Benchmark(Description = "NWaves RealFft.Direct")]
    public float NWavesReal()
    {
        _nwaves.Direct(_input, _nwavesReal, _nwavesImag);
        return _nwavesReal[1];
    }
}
