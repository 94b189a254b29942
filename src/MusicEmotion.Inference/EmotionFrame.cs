namespace MusicEmotion.Inference;

/// <summary>One second of a streaming analysis.</summary>
/// <param name="Second">Index of the second (covers [Second, Second+1)).</param>
/// <param name="Arousal">Arousal on [-1, 1]; 0 where the second holds no music.</param>
/// <param name="Valence">Valence on [-1, 1]; 0 where the second holds no music.</param>
/// <param name="Presence">Whether the second holds music (only music seconds carry a mood).</param>
public readonly record struct EmotionFrame(int Second, float Arousal, float Valence, MusicPresence Presence = MusicPresence.Music)
{
    /// <summary>Whether the second holds music, and so a mood reading.</summary>
    public bool IsMusic => Presence == MusicPresence.Music;
}
