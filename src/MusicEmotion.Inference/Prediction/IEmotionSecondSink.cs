namespace MusicEmotion.Inference.Prediction;

/// <summary>
/// Receives the seconds of an analysis, in order, as soon as each is final. A second travels as one
/// <see cref="EmotionFrame"/>, so what is known about it (today arousal and valence) grows without changing the stages
/// (the smoother keeps a frame's other fields and replaces only its values).
/// </summary>
internal interface IEmotionSecondSink
{
    /// <summary>Called once per second, in order.</summary>
    void OnSecond(in EmotionFrame frame);
}
