using System.Buffers;
using MusicEmotion.Features;
using MusicEmotion.Inference.Features;
using MusicEmotion.Inference.Models;
using MusicEmotion.Inference.Windowing;

namespace MusicEmotion.Inference;

/// <summary>Receives per-second predictions as soon as they are final.</summary>
public interface IEmotionSecondSink
{
    /// <summary>Called once per second, in order.</summary>
    /// <param name="second">The second's index (value covers <c>[second, second+1)</c>).</param>
    /// <param name="value">Arousal and valence on [-1, 1].</param>
    void OnSecond(int second, ArousalValence value);
}
