using System.Text.Json;
using System.Text.Json.Serialization;

namespace MusicEmotion.Evaluation.Recommendation;

/// <summary>
/// The result of <c>mer eval recommend</c> on an Emotify-layout folder; serialises to
/// <c>{"k":10,"n":..,"relevant":..,"random":{"precisionAtK":..,"ndcgAtK":..},"descriptors":{..},"emotion":{..},"arc":{..},"combined":{..},"combinedWeights":".."}</c>.
/// </summary>
/// <param name="K">The cut-off.</param>
/// <param name="N">Tracks ranked (every track is a query; the others are its candidates).</param>
/// <param name="Relevant">Relevant tracks per query (the 10 % of the others whose GEMS profiles are most similar).</param>
/// <param name="Random">Expected scores of a uniformly random ranking.</param>
/// <param name="Descriptors">Audio descriptors only.</param>
/// <param name="Emotion">Emotion statistics only.</param>
/// <param name="Arc">Emotional arc only.</param>
/// <param name="Combined">The blocks with the combined weights (by default the shipped default for the model).</param>
/// <param name="CombinedWeights">The weights of <paramref name="Combined"/>.</param>
internal sealed record EmotifyRecommendationReport(
    int K,
    int N,
    int Relevant,
    RankingScores Random,
    RankingScores Descriptors,
    RankingScores Emotion,
    RankingScores Arc,
    RankingScores Combined,
    string CombinedWeights)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The melody block alone; null when the tracks have none (an audio-only model's).</summary>
    public RankingScores? Melody { get; init; }

    /// <summary>The report as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
