namespace MusicEmotion.Features;

/// <summary>Analysis window shape used by the short-time Fourier transform.</summary>
public enum WindowFunction
{
    /// <summary>Periodic Hann window, <c>0.5 - 0.5·cos(2πn/N)</c> (librosa/scipy <c>'hann'</c> with <c>fftbins=True</c>). The default.</summary>
    Hann,

    /// <summary>Periodic Hamming window, <c>0.54 - 0.46·cos(2πn/N)</c>.</summary>
    Hamming,

    /// <summary>Rectangular (boxcar) window: all ones.</summary>
    Rectangular,
}
