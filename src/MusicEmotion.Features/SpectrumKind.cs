namespace MusicEmotion.Features;

/// <summary>Which quantity a short-time spectrum holds per bin.</summary>
public enum SpectrumKind
{
    /// <summary>Power <c>|X|²</c> (librosa <c>power=2.0</c>).</summary>
    Power,

    /// <summary>Magnitude <c>|X|</c> (librosa <c>power=1.0</c>).</summary>
    Magnitude,
}
