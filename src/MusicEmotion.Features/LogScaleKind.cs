namespace MusicEmotion.Features;

/// <summary>Compression applied to mel power.</summary>
public enum LogScaleKind
{
    /// <summary>Decibels, exactly like <c>librosa.power_to_db(S, ref, amin, top_db=None)</c>: <c>10·log10(max(amin, S)) - 10·log10(max(amin, ref))</c>. The default.</summary>
    Decibels,

    /// <summary><c>log10(1 + C·S)</c> with <c>C = Log1pC</c>.</summary>
    Log1p,
}
