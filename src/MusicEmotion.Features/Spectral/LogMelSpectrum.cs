namespace MusicEmotion.Features.Spectral;

/// <summary>
/// Per-frame log-mel pipeline: window → real FFT → power <c>|X|²</c> → mel filterbank → compression
/// (<see cref="LogScaleKind.Decibels"/>: <c>power_to_db</c> with <see cref="FeatureSettings.DbReference"/> and
/// <see cref="FeatureSettings.DbAmin"/>, no <c>top_db</c>; or <see cref="LogScaleKind.Log1p"/>: <c>log10(1 + C·x)</c>).
/// </summary>
/// <remarks>Owns scratch buffers: not thread-safe. <see cref="ComputeFrame"/> does not allocate.</remarks>
internal sealed class LogMelSpectrum
{
    private readonly Stft _stft;
    private readonly MelFilterbank _filterbank;
    private readonly float[] _power;

    /// <summary>Creates the pipeline from <paramref name="settings"/>.</summary>
    /// <param name="settings">Validated settings.</param>
    public LogMelSpectrum(FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        _stft = new Stft(settings);
        _filterbank = new MelFilterbank(settings);
        _power = new float[_stft.BinCount];
    }

    /// <summary>The settings in use.</summary>
    public FeatureSettings Settings { get; }

    /// <summary>The mel filterbank in use.</summary>
    public MelFilterbank Filterbank => _filterbank;

    /// <summary>The STFT in use.</summary>
    public Stft Stft => _stft;

    /// <summary>Power spectrum of the last frame computed (<c>n_fft/2 + 1</c> bins).</summary>
    public ReadOnlySpan<float> LastPowerSpectrum => _power;

    /// <summary>Computes the mel power (before compression) of one raw frame.</summary>
    /// <param name="frame"><see cref="FeatureSettings.FftSize"/> unwindowed samples.</param>
    /// <param name="melPower">Receives <see cref="FeatureSettings.MelBands"/> values.</param>
    public void ComputeMelPower(ReadOnlySpan<float> frame, Span<float> melPower)
    {
        _stft.ComputeFrame(frame, _power, SpectrumKind.Power);
        _filterbank.Apply(_power, melPower);
    }

    /// <summary>Computes the compressed log-mel vector of one raw frame.</summary>
    /// <param name="frame"><see cref="FeatureSettings.FftSize"/> unwindowed samples.</param>
    /// <param name="logMel">Receives <see cref="FeatureSettings.MelBands"/> values.</param>
    public void ComputeFrame(ReadOnlySpan<float> frame, Span<float> logMel)
    {
        ComputeMelPower(frame, logMel);
        Compress(logMel[..Settings.MelBands]);
    }

    /// <summary>Applies the configured compression in place.</summary>
    /// <param name="melPower">Mel power values, replaced by their compressed values.</param>
    public void Compress(Span<float> melPower)
    {
        if (Settings.LogScale == LogScaleKind.Log1p)
        {
            Decibels.Log1p10(melPower, melPower, Settings.Log1pC);
        }
        else
        {
            Decibels.PowerToDb(melPower, melPower, Settings.DbReference, Settings.DbAmin);
        }
    }
}
