using MusicEmotion.Features.Descriptors;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Tracks;

/// <summary>
/// Everything a catalog keeps about one track: its id (the SHA-256 of its audio bytes), where it came from, the model
/// that analysed it, the per-second emotion timeline, the audio descriptors and the raw vector blocks.
/// </summary>
public sealed record TrackRecord
{
    /// <summary>The SHA-256 of the audio bytes, 64 lowercase hexadecimal digits (<see cref="TrackId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The name the track was added under (a file path or an upload's name); informative only.</summary>
    public required string SourceName { get; init; }

    /// <summary>Length of the audio in seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>The emotion model that made the timeline (its card's name).</summary>
    public required string ModelName { get; init; }

    /// <summary>The model's version (its card's version).</summary>
    public required string ModelVersion { get; init; }

    /// <summary>Arousal and valence for every second.</summary>
    public required EmotionTimeline Timeline { get; init; }

    /// <summary>The audio descriptors (tempo, loudness, timbre, brightness, rhythm, tonality).</summary>
    public required TrackDescriptors Descriptors { get; init; }

    /// <summary>The raw vector blocks (descriptors, emotion statistics, emotional arc, and the melody block when the model transcribes notes).</summary>
    public required TrackVectorBlocks Blocks { get; init; }

    /// <summary>The plain-language description written when the track was analysed, if any.</summary>
    public string? Description { get; init; }

    /// <summary>When the track entered the catalog (UTC).</summary>
    public DateTimeOffset AddedUtc { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Whether the track was analysed by the given model version (tracks of other versions are stale).</summary>
    public bool IsFromModel(string modelName, string modelVersion) =>
        string.Equals(ModelName, modelName, StringComparison.Ordinal) && string.Equals(ModelVersion, modelVersion, StringComparison.Ordinal);

    /// <summary>The blocks with an arc of <paramref name="arcLength"/> values per dimension (rebuilt from the timeline when the stored arc has another length).</summary>
    public TrackVectorBlocks BlocksWithArcLength(int arcLength) =>
        Blocks.ArcLength == arcLength ? Blocks : TrackVectorBlocks.From(Descriptors, Timeline, arcLength, Blocks.Melody);

    /// <summary>Checks that the record is complete and consistent.</summary>
    /// <exception cref="ArgumentException">It is not; the message says what is wrong.</exception>
    public void Validate()
    {
        if (!TrackId.IsValid(Id))
        {
            throw new ArgumentException($"Track id '{Id}' is not a SHA-256 hex string (64 lowercase hexadecimal digits).");
        }

        if (string.IsNullOrWhiteSpace(SourceName) || string.IsNullOrWhiteSpace(ModelName) || string.IsNullOrWhiteSpace(ModelVersion))
        {
            throw new ArgumentException($"Track {Id}: source name, model name and model version must not be empty.");
        }

        if (!double.IsFinite(DurationSeconds) || DurationSeconds <= 0)
        {
            throw new ArgumentException($"Track {Id}: duration {DurationSeconds} s is not a positive number.");
        }

        if (Timeline.Count == 0)
        {
            throw new ArgumentException($"Track {Id}: the emotion timeline is empty.");
        }

        if (!Blocks.Descriptors.SequenceEqual(Descriptors.Values))
        {
            throw new ArgumentException($"Track {Id}: the descriptor block differs from the descriptors.");
        }
    }
}
