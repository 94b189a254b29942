namespace MusicEmotion.Features;

/// <summary>Normalisation of the mel filters.</summary>
public enum MelNorm
{
    /// <summary>Slaney-style area normalisation: each triangle is scaled by <c>2 / (f[i+2] - f[i])</c> (librosa <c>norm='slaney'</c>). The default.</summary>
    Slaney,

    /// <summary>No normalisation: triangles peak at 1 (librosa <c>norm=None</c>).</summary>
    None,
}
