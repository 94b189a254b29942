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

/// <summary>How a centred signal is padded by <c>FftSize / 2</c> samples on each side.</summary>
public enum PadMode
{
    /// <summary>Pad with zeros (numpy <c>mode='constant'</c>; librosa ≥ 0.10 default). The default.</summary>
    Constant,

    /// <summary>Mirror the signal without repeating the edge sample (numpy <c>mode='reflect'</c>).</summary>
    Reflect,
}

/// <summary>Hz ↔ mel conversion formula.</summary>
public enum MelScaleKind
{
    /// <summary>Slaney's Auditory Toolbox scale: linear below 1 kHz (200/3 Hz per mel), logarithmic above (librosa default, <c>htk=False</c>). The default.</summary>
    Slaney,

    /// <summary>HTK formula <c>mel = 2595·log10(1 + f/700)</c> (librosa <c>htk=True</c>).</summary>
    Htk,
}

/// <summary>Normalisation of the mel filters.</summary>
public enum MelNorm
{
    /// <summary>Slaney-style area normalisation: each triangle is scaled by <c>2 / (f[i+2] - f[i])</c> (librosa <c>norm='slaney'</c>). The default.</summary>
    Slaney,

    /// <summary>No normalisation: triangles peak at 1 (librosa <c>norm=None</c>).</summary>
    None,
}

/// <summary>Compression applied to mel power.</summary>
public enum LogScaleKind
{
    /// <summary>Decibels, exactly like <c>librosa.power_to_db(S, ref, amin, top_db=None)</c>: <c>10·log10(max(amin, S)) - 10·log10(max(amin, ref))</c>. The default.</summary>
    Decibels,

    /// <summary><c>log10(1 + C·S)</c> with <c>C = Log1pC</c>.</summary>
    Log1p,
}

/// <summary>Which quantity a short-time spectrum holds per bin.</summary>
public enum SpectrumKind
{
    /// <summary>Power <c>|X|²</c> (librosa <c>power=2.0</c>).</summary>
    Power,

    /// <summary>Magnitude <c>|X|</c> (librosa <c>power=1.0</c>).</summary>
    Magnitude,
}
