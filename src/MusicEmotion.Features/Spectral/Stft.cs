using System.Numerics.Tensors;

namespace MusicEmotion.Features.Spectral;

/// <summary>
/// Short-time Fourier transform like <c>librosa.stft</c> followed by <c>|·|^power</c>: frames of
/// <see cref="FeatureSettings.FftSize"/> samples every <see cref="FeatureSettings.HopLength"/> samples, multiplied by the
/// periodic window (default Hann of length <c>n_fft</c>, a shorter <see cref="FeatureSettings.WindowLength"/> zero-padded
/// centrally), centred by default with <c>n_fft/2</c> samples of zero (or reflect) padding on each side, so a signal of
/// <c>len</c> samples gives <c>1 + len/hop</c> frames of <c>n_fft/2 + 1</c> bins.
/// </summary>
/// <remarks>Owns FFT scratch buffers: not thread-safe. The per-frame methods do not allocate.</remarks>
internal sealed class Stft
{
    private readonly RealFft _fft;
    private readonly float[] _window;
    private readonly float[] _windowed;

    /// <summary>Creates an STFT from <paramref name="settings"/> (FftSize, HopLength, WindowLength, Window, Center, PadMode).</summary>
    /// <param name="settings">Validated settings.</param>
    public Stft(FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        _fft = new RealFft(settings.FftSize);
        _window = WindowFunctions.CreatePadded(settings.Window, settings.EffectiveWindowLength, settings.FftSize);
        _windowed = new float[settings.FftSize];
    }

    /// <summary>The settings that define this transform.</summary>
    public FeatureSettings Settings { get; }

    /// <summary>FFT length <c>n_fft</c>.</summary>
    public int FftSize => _fft.Length;

    /// <summary>Number of bins per frame, <c>n_fft/2 + 1</c>.</summary>
    public int BinCount => _fft.BinCount;

    /// <summary>The analysis window, zero-padded to <see cref="FftSize"/>.</summary>
    public ReadOnlySpan<float> Window => _window;

    /// <summary>Centre frequency of each bin in Hz, <c>k·sr/n_fft</c> (librosa <c>fft_frequencies</c>).</summary>
    /// <param name="sampleRate">Sample rate in Hz.</param>
    /// <param name="fftSize">FFT length.</param>
    /// <returns>A new array of <c>fftSize/2 + 1</c> frequencies.</returns>
    public static float[] BinFrequencies(int sampleRate, int fftSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(fftSize, 2);
        var f = new float[(fftSize / 2) + 1];
        for (int k = 0; k < f.Length; k++)
        {
            f[k] = (float)((double)k * sampleRate / fftSize);
        }

        return f;
    }

    /// <summary>Creates a framer that cuts a (streamed) signal into this transform's raw frames.</summary>
    /// <returns>A new <see cref="SignalFramer"/>.</returns>
    public SignalFramer CreateFramer() => new(Settings.FftSize, Settings.HopLength, Settings.Center, Settings.PadMode);

    /// <summary>Windows one raw frame and computes its complex spectrum.</summary>
    /// <param name="frame">Exactly <see cref="FftSize"/> unwindowed samples.</param>
    /// <param name="real">Receives <see cref="BinCount"/> real parts.</param>
    /// <param name="imag">Receives <see cref="BinCount"/> imaginary parts.</param>
    public void ComputeFrame(ReadOnlySpan<float> frame, Span<float> real, Span<float> imag)
    {
        ApplyWindow(frame);
        _fft.Forward(_windowed, real, imag);
    }

    /// <summary>Windows one raw frame and writes its power (<c>|X|²</c>, default) or magnitude spectrum.</summary>
    /// <param name="frame">Exactly <see cref="FftSize"/> unwindowed samples.</param>
    /// <param name="output">Receives <see cref="BinCount"/> values.</param>
    /// <param name="kind">Power (default) or magnitude.</param>
    public void ComputeFrame(ReadOnlySpan<float> frame, Span<float> output, SpectrumKind kind = SpectrumKind.Power)
    {
        ApplyWindow(frame);
        if (kind == SpectrumKind.Magnitude)
        {
            _fft.MagnitudeSpectrum(_windowed, output);
        }
        else
        {
            _fft.PowerSpectrum(_windowed, output);
        }
    }

    /// <summary>Computes the spectrogram of a whole signal (frames × bins, row-major).</summary>
    /// <param name="signal">Mono samples.</param>
    /// <param name="kind">Power (default) or magnitude.</param>
    /// <returns>A matrix with <c>Settings.FrameCount(len)</c> rows, columns named <c>bin_k</c>.</returns>
    public FeatureMatrix Compute(ReadOnlySpan<float> signal, SpectrumKind kind = SpectrumKind.Power)
    {
        long frames = Settings.FrameCount(signal.Length);
        var data = new float[checked((int)(frames * BinCount))];
        var writer = new RowWriter(this, data, kind);
        SignalFramer framer = CreateFramer();
        framer.Push(signal, writer);
        framer.Complete(writer);
        string[] names = Enumerable.Range(0, BinCount).Select(k => $"bin_{k}").ToArray();
        return new FeatureMatrix((int)frames, BinCount, data, names, Settings.FrameRate);
    }

    private void ApplyWindow(ReadOnlySpan<float> frame)
    {
        if (frame.Length != _window.Length)
        {
            throw new ArgumentException($"Frame length {frame.Length} must equal the FFT size {_window.Length}.", nameof(frame));
        }

        TensorPrimitives.Multiply(frame, _window, _windowed);
    }

    private sealed class RowWriter(Stft stft, float[] data, SpectrumKind kind) : IFrameConsumer
    {
        private int _row;

        public void OnFrame(ReadOnlySpan<float> frame)
        {
            stft.ComputeFrame(frame, data.AsSpan(_row * stft.BinCount, stft.BinCount), kind);
            _row++;
        }
    }
}
