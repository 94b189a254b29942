using System.Text.Json;
using System.Text.Json.Serialization;
using MusicEmotion.Features.Serialization;

namespace MusicEmotion.Features;

/// <summary>
/// Every parameter that determines a feature output. Two equal settings applied to the same samples give bit-identical
/// features. Defaults follow librosa 0.10: <c>sr=22050</c>, <c>n_fft=2048</c>, <c>hop_length=512</c>,
/// <c>win_length=n_fft</c>, periodic Hann window, <c>center=True</c> with zero (constant) padding, 128 mel bands from 0 Hz to
/// <c>sr/2</c> on the Slaney scale with Slaney area normalisation, <c>power_to_db</c> with <c>ref=1.0</c>,
/// <c>amin=1e-10</c>, <c>top_db=80</c>, and 20 MFCCs (DCT-II, orthonormal).
/// </summary>
/// <remarks>
/// Serialise with <see cref="ToJson"/> and read back with <see cref="FromJson"/> (camelCase property names, enums as
/// strings; no reflection, so it works trimmed and under Native AOT; model cards read their settings the same way). Call
/// <see cref="Validate"/> before use; the extractors do so on construction.
/// </remarks>
public sealed record FeatureSettings
{
    /// <summary>Sample rate of the input in Hz. Default 22050.</summary>
    public int SampleRate { get; init; } = 22050;

    /// <summary>FFT length <c>n_fft</c> in samples; must be a power of two ≥ 4. Default 2048.</summary>
    public int FftSize { get; init; } = 2048;

    /// <summary>Hop between successive frames in samples. Default 512.</summary>
    public int HopLength { get; init; } = 512;

    /// <summary>
    /// Window length <c>win_length</c>; <see langword="null"/> (the default) means <see cref="FftSize"/>. A shorter window
    /// is zero-padded centrally to <see cref="FftSize"/> (librosa <c>util.pad_center</c>).
    /// </summary>
    public int? WindowLength { get; init; }

    /// <summary>Window shape. Default <see cref="WindowFunction.Hann"/> (periodic).</summary>
    public WindowFunction Window { get; init; } = WindowFunction.Hann;

    /// <summary>
    /// When <see langword="true"/> (the default), frame <c>t</c> is centred on sample <c>t·HopLength</c>: the signal is
    /// padded with <c>FftSize/2</c> samples on each side and there are <c>1 + len/HopLength</c> frames. When
    /// <see langword="false"/>, frame <c>t</c> starts at sample <c>t·HopLength</c> and there are
    /// <c>1 + (len - FftSize)/HopLength</c> frames (0 if the signal is shorter than one frame).
    /// </summary>
    public bool Center { get; init; } = true;

    /// <summary>Padding used when <see cref="Center"/> is set. Default <see cref="Features.PadMode.Constant"/> (zeros).</summary>
    public PadMode PadMode { get; init; } = PadMode.Constant;

    /// <summary>Number of mel bands. Default 128.</summary>
    public int MelBands { get; init; } = 128;

    /// <summary>Lowest mel filter edge in Hz. Default 0.</summary>
    public double FMin { get; init; }

    /// <summary>Highest mel filter edge in Hz; <see langword="null"/> (the default) means <c>SampleRate/2</c>.</summary>
    public double? FMax { get; init; }

    /// <summary>Hz ↔ mel formula. Default <see cref="MelScaleKind.Slaney"/>.</summary>
    public MelScaleKind MelScale { get; init; } = MelScaleKind.Slaney;

    /// <summary>Mel filter normalisation. Default <see cref="Features.MelNorm.Slaney"/> (area normalisation).</summary>
    public MelNorm MelNorm { get; init; } = MelNorm.Slaney;

    /// <summary>Compression of mel power. Default <see cref="LogScaleKind.Decibels"/>.</summary>
    public LogScaleKind LogScale { get; init; } = LogScaleKind.Decibels;

    /// <summary>Reference power <c>ref</c> of <c>power_to_db</c> (0 dB). Default 1.0.</summary>
    public double DbReference { get; init; } = 1.0;

    /// <summary>Power floor <c>amin</c> of <c>power_to_db</c>. Default 1e-10 (-100 dB).</summary>
    public double DbAmin { get; init; } = 1e-10;

    /// <summary>
    /// Dynamic range <c>top_db</c> in dB; default 80, <see langword="null"/> disables it. Clipping uses the maximum of the
    /// whole matrix, so frame-by-frame extraction and streams never apply it (they could not know the global maximum);
    /// it is applied only by the explicit whole-matrix calls <c>Decibels.ApplyTopDb</c>,
    /// <c>LogMelExtractor.ExtractWithTopDb</c> and <c>MfccExtractor.ExtractWithTopDb</c>, which reproduce librosa exactly.
    /// </summary>
    public double? TopDb { get; init; } = 80.0;

    /// <summary>Constant <c>C</c> of the <see cref="LogScaleKind.Log1p"/> compression <c>log10(1 + C·x)</c>. Default 1.0.</summary>
    public double Log1pC { get; init; } = 1.0;

    /// <summary>Number of MFCCs kept (first coefficients of the orthonormal DCT-II). Default 20.</summary>
    public int MfccCount { get; init; } = 20;

    /// <summary>Fraction of the spectral magnitude below the roll-off frequency. Default 0.85.</summary>
    public double RollOffPercent { get; init; } = 0.85;

    /// <summary>
    /// Floor in dB applied to the log-mel (ref 1.0, amin 1e-10) before the onset-strength difference, a frame-local
    /// replacement of librosa's global <c>top_db</c>. Default -80.
    /// </summary>
    public double OnsetFloorDb { get; init; } = -80.0;

    /// <summary>Lowest STFT bin frequency (Hz) that contributes to chroma. Default 55 (A1).</summary>
    public double ChromaFMin { get; init; } = 55.0;

    /// <summary>Highest STFT bin frequency (Hz) that contributes to chroma, capped at <c>SampleRate/2</c>. Default 5000.</summary>
    public double ChromaFMax { get; init; } = 5000.0;

    /// <summary>Reference frequency of pitch class A in Hz for chroma. Default 440.</summary>
    public double TuningFrequency { get; init; } = 440.0;

    /// <summary>Slowest tempo considered by the tempo estimator, in BPM. Default 30.</summary>
    public double TempoMinBpm { get; init; } = 30.0;

    /// <summary>Fastest tempo considered by the tempo estimator, in BPM. Default 300.</summary>
    public double TempoMaxBpm { get; init; } = 300.0;

    /// <summary>Centre of the log-normal tempo prior in BPM (librosa <c>start_bpm</c>). Default 120.</summary>
    public double TempoPriorBpm { get; init; } = 120.0;

    /// <summary>Standard deviation of the log-normal tempo prior in octaves (librosa <c>std_bpm</c>). Default 1.0.</summary>
    public double TempoPriorOctaves { get; init; } = 1.0;

    /// <summary>The effective window length: <see cref="WindowLength"/> or, when null, <see cref="FftSize"/>.</summary>
    [JsonIgnore]
    public int EffectiveWindowLength => WindowLength ?? FftSize;

    /// <summary>The effective upper mel edge: <see cref="FMax"/> or, when null, <c>SampleRate/2</c>.</summary>
    [JsonIgnore]
    public double EffectiveFMax => FMax ?? SampleRate / 2.0;

    /// <summary>Number of frequency bins of one spectrum, <c>FftSize/2 + 1</c>.</summary>
    [JsonIgnore]
    public int FrequencyBins => FftSize / 2 + 1;

    /// <summary>Frames per second, <c>SampleRate / HopLength</c>.</summary>
    [JsonIgnore]
    public double FrameRate => (double)SampleRate / HopLength;

    /// <summary>
    /// Number of frames produced for <paramref name="sampleCount"/> samples: <c>1 + len/hop</c> when centred,
    /// otherwise <c>1 + (len - n_fft)/hop</c> or 0 for a signal shorter than <see cref="FftSize"/>.
    /// </summary>
    /// <param name="sampleCount">Signal length in samples (≥ 0).</param>
    /// <returns>The frame count.</returns>
    public long FrameCount(long sampleCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        if (Center)
        {
            return 1 + (sampleCount / HopLength);
        }

        return sampleCount < FftSize ? 0 : 1 + ((sampleCount - FftSize) / HopLength);
    }

    /// <summary>Checks that the settings make sense.</summary>
    /// <exception cref="ArgumentException">A parameter is out of range; the message names it and its value.</exception>
    public void Validate()
    {
        if (SampleRate <= 0)
        {
            throw Invalid(nameof(SampleRate), SampleRate, "must be positive");
        }

        if (FftSize < 4 || (FftSize & (FftSize - 1)) != 0)
        {
            throw Invalid(nameof(FftSize), FftSize, "must be a power of two ≥ 4");
        }

        if (HopLength <= 0)
        {
            throw Invalid(nameof(HopLength), HopLength, "must be positive");
        }

        if (WindowLength is { } w && (w <= 0 || w > FftSize))
        {
            throw Invalid(nameof(WindowLength), w, $"must be in 1..FftSize ({FftSize}) or null");
        }

        if (!Enum.IsDefined(Window) || !Enum.IsDefined(PadMode) || !Enum.IsDefined(MelScale) || !Enum.IsDefined(MelNorm) || !Enum.IsDefined(LogScale))
        {
            throw new ArgumentException("FeatureSettings contains an undefined enum value.");
        }

        if (MelBands <= 0)
        {
            throw Invalid(nameof(MelBands), MelBands, "must be positive");
        }

        if (!double.IsFinite(FMin) || FMin < 0)
        {
            throw Invalid(nameof(FMin), FMin, "must be finite and ≥ 0");
        }

        if (FMax is { } fmax && (!double.IsFinite(fmax) || fmax > SampleRate / 2.0))
        {
            throw Invalid(nameof(FMax), fmax, $"must not exceed the Nyquist frequency SampleRate/2 = {SampleRate / 2.0}");
        }

        if (EffectiveFMax <= FMin)
        {
            throw Invalid(nameof(FMax), EffectiveFMax, $"must be greater than FMin ({FMin})");
        }

        if (!(DbReference > 0) || !double.IsFinite(DbReference))
        {
            throw Invalid(nameof(DbReference), DbReference, "must be positive and finite");
        }

        if (!(DbAmin > 0) || !double.IsFinite(DbAmin))
        {
            throw Invalid(nameof(DbAmin), DbAmin, "must be positive and finite");
        }

        if (TopDb is { } top && (!(top >= 0) || !double.IsFinite(top)))
        {
            throw Invalid(nameof(TopDb), top, "must be non-negative and finite, or null");
        }

        if (!(Log1pC > 0) || !double.IsFinite(Log1pC))
        {
            throw Invalid(nameof(Log1pC), Log1pC, "must be positive and finite");
        }

        if (MfccCount <= 0 || MfccCount > MelBands)
        {
            throw Invalid(nameof(MfccCount), MfccCount, $"must be in 1..MelBands ({MelBands})");
        }

        if (!(RollOffPercent > 0 && RollOffPercent < 1))
        {
            throw Invalid(nameof(RollOffPercent), RollOffPercent, "must be strictly between 0 and 1");
        }

        if (!double.IsFinite(OnsetFloorDb))
        {
            throw Invalid(nameof(OnsetFloorDb), OnsetFloorDb, "must be finite");
        }

        if (!(ChromaFMin > 0) || !(ChromaFMax > ChromaFMin) || !double.IsFinite(ChromaFMax))
        {
            throw Invalid(nameof(ChromaFMin), ChromaFMin, $"must be positive and below ChromaFMax ({ChromaFMax})");
        }

        if (!(TuningFrequency > 0) || !double.IsFinite(TuningFrequency))
        {
            throw Invalid(nameof(TuningFrequency), TuningFrequency, "must be positive and finite");
        }

        if (!(TempoMinBpm > 0) || !(TempoMaxBpm > TempoMinBpm) || !double.IsFinite(TempoMaxBpm))
        {
            throw Invalid(nameof(TempoMinBpm), TempoMinBpm, $"must be positive and below TempoMaxBpm ({TempoMaxBpm})");
        }

        if (!(TempoPriorBpm > 0) || !(TempoPriorOctaves > 0) || !double.IsFinite(TempoPriorBpm) || !double.IsFinite(TempoPriorOctaves))
        {
            throw Invalid(nameof(TempoPriorBpm), TempoPriorBpm, "and TempoPriorOctaves must be positive and finite");
        }
    }

    /// <summary>Serialises the settings to indented JSON (camelCase names, enums as camelCase strings).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => FeatureSettingsJson.Write(this);

    /// <summary>Reads settings written by <see cref="ToJson"/>; missing properties take their defaults. The result is validated.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentException">The JSON is malformed or the settings are invalid.</exception>
    public static FeatureSettings FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        FeatureSettings? settings;
        try
        {
            settings = FeatureSettingsJson.Read(json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"Invalid FeatureSettings JSON: {ex.Message}", nameof(json), ex);
        }

        if (settings is null)
        {
            throw new ArgumentException("FeatureSettings JSON must be an object, not null.", nameof(json));
        }

        settings.Validate();
        return settings;
    }

    private static ArgumentException Invalid(string name, object value, string rule) =>
        new($"FeatureSettings.{name} = {value} is invalid: it {rule}.", name);
}
