using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Inference.Description;

/// <summary>Turns a song's emotion timeline and its summary into a short plain-language description.</summary>
public interface IEmotionDescriber
{
    /// <summary>Describes the emotional character of a song in a few plain sentences.</summary>
    /// <param name="timeline">The song's per-second arousal and valence.</param>
    /// <param name="summary">The summary of <paramref name="timeline"/> (<see cref="EmotionSummary.From"/>).</param>
    /// <param name="cancellationToken">Cancels the description.</param>
    /// <returns>The description.</returns>
    /// <exception cref="EmotionDescriptionException">The description could not be produced.</exception>
    Task<string> DescribeAsync(EmotionTimeline timeline, EmotionSummary summary, CancellationToken cancellationToken = default);
}
