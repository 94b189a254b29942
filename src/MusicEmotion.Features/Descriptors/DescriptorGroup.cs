namespace MusicEmotion.Features.Descriptors;

/// <summary>The musical aspect a track descriptor measures (see <see cref="TrackDescriptors.Names"/>).</summary>
public enum DescriptorGroup
{
    /// <summary>Tempo in beats per minute.</summary>
    Tempo,

    /// <summary>Loudness and energy: level, spread and dynamic range.</summary>
    Loudness,

    /// <summary>Timbre: MFCC means and spreads (the spectral envelope's shape).</summary>
    Timbre,

    /// <summary>Brightness: spectral centroid, roll-off, bandwidth and flatness.</summary>
    Brightness,

    /// <summary>Rhythm: onset rate, spectral flux and zero-crossing rate.</summary>
    Rhythm,

    /// <summary>Tonality: the key-relative chroma profile, key strength and mode strength.</summary>
    Tonality,
}
