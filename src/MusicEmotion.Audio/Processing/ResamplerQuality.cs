namespace MusicEmotion.Audio.Processing;

/// <summary>
/// Trade-off between filter length (speed) and fidelity for <see cref="PolyphaseResampler"/>. Every preset puts the
/// start of the stopband exactly at the lower of the two Nyquist frequencies, so nothing above the new Nyquist
/// aliases back with more than the preset's residual level. Fractions below are of the lower Nyquist frequency.
/// </summary>
public enum ResamplerQuality
{
    /// <summary>60 dB stopband; −6 dB cutoff at 0.90, passband flat to about 0.80.</summary>
    Fast = 0,

    /// <summary>80 dB stopband; −6 dB cutoff at 0.94, passband flat to about 0.88. The default.</summary>
    Balanced = 1,

    /// <summary>100 dB stopband; −6 dB cutoff at 0.96, passband flat to about 0.92. About twice the work of <see cref="Balanced"/>.</summary>
    High = 2,
}
