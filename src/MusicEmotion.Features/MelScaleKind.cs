namespace MusicEmotion.Features;

/// <summary>Hz ↔ mel conversion formula.</summary>
public enum MelScaleKind
{
    /// <summary>Slaney's Auditory Toolbox scale: linear below 1 kHz (200/3 Hz per mel), logarithmic above (librosa default, <c>htk=False</c>). The default.</summary>
    Slaney,

    /// <summary>HTK formula <c>mel = 2595·log10(1 + f/700)</c> (librosa <c>htk=True</c>).</summary>
    Htk,
}
