using System.Numerics.Tensors;

namespace MusicEmotion.Features.Spectral;

/// <summary>
/// The spectral products of one frame, computed once and shared by every feature of a recipe: the power spectrum
/// (windowed FFT), and on first use the magnitude spectrum, the mel power, the mel power in decibels
/// (<c>power_to_db</c> with the settings' reference and floor) and the compressed log-mel of the settings'
/// <see cref="FeatureSettings.LogScale"/>. Each product is computed with exactly the operations the single-feature
/// pipelines use, so sharing changes no value.
/// </summary>
/// <remarks>Owns its buffers: not thread-safe; no allocation per frame.</remarks>
internal sealed class FrameSpectrum
{
    private readonly Stft _stft;
    private readonly MelFilterbank _mel;
    private readonly float[] _power;
    private readonly float[] _magnitude;
    private readonly float[] _melPower;
    private readonly float[] _melDecibels;
    private readonly float[] _logMel;
    private bool _hasMagnitude;
    private bool _hasMelPower;
    private bool _hasMelDecibels;
    private bool _hasLogMel;

    public FrameSpectrum(FeatureSettings settings)
    {
        Settings = settings;
        _stft = new Stft(settings);
        _mel = new MelFilterbank(settings);
        _power = new float[settings.FrequencyBins];
        _magnitude = new float[settings.FrequencyBins];
        _melPower = new float[settings.MelBands];
        _melDecibels = new float[settings.MelBands];
        _logMel = new float[settings.MelBands];
    }

    public FeatureSettings Settings { get; }

    /// <summary>Power spectrum <c>|X|²</c> of the current frame.</summary>
    public ReadOnlySpan<float> Power => _power;

    /// <summary>Magnitude spectrum <c>|X|</c> of the current frame.</summary>
    public ReadOnlySpan<float> Magnitude
    {
        get
        {
            if (!_hasMagnitude)
            {
                TensorPrimitives.Sqrt(_power, _magnitude);
                _hasMagnitude = true;
            }

            return _magnitude;
        }
    }

    /// <summary>Mel power of the current frame.</summary>
    public ReadOnlySpan<float> MelPower
    {
        get
        {
            if (!_hasMelPower)
            {
                _mel.Apply(_power, _melPower);
                _hasMelPower = true;
            }

            return _melPower;
        }
    }

    /// <summary>Mel power in dB (reference <see cref="FeatureSettings.DbReference"/>, floor <see cref="FeatureSettings.DbAmin"/>), whatever the log scale.</summary>
    public ReadOnlySpan<float> MelDecibels
    {
        get
        {
            if (!_hasMelDecibels)
            {
                Decibels.PowerToDb(MelPower, _melDecibels, Settings.DbReference, Settings.DbAmin);
                _hasMelDecibels = true;
            }

            return _melDecibels;
        }
    }

    /// <summary>The compressed log-mel of <see cref="FeatureSettings.LogScale"/> (decibels or <c>log10(1 + C·x)</c>).</summary>
    public ReadOnlySpan<float> LogMel
    {
        get
        {
            if (Settings.LogScale == LogScaleKind.Decibels)
            {
                return MelDecibels;
            }

            if (!_hasLogMel)
            {
                Decibels.Log1p10(MelPower, _logMel, Settings.Log1pC);
                _hasLogMel = true;
            }

            return _logMel;
        }
    }

    /// <summary>Windows <paramref name="frame"/>, computes its power spectrum and forgets the previous frame's products.</summary>
    public void Compute(ReadOnlySpan<float> frame)
    {
        _stft.ComputeFrame(frame, _power, SpectrumKind.Power);
        _hasMagnitude = _hasMelPower = _hasMelDecibels = _hasLogMel = false;
    }
}
