using MusicEmotion.Inference;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MusicEmotion.Features.Descriptors;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Cli.Output;

/// <summary>
/// The JSON shapes of catalog tracks (<c>mer catalog list --format json</c>, <c>mer catalog export</c>) and of
/// recommendations (<c>mer recommend --format json</c>); camelCase, numbers rounded like <see cref="AnalysisJson"/>.
/// </summary>
internal static class CatalogJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>A track with its curves and named vector blocks.</summary>
    public static JsonObject Track(TrackRecord track, bool withCurves = true)
    {
        var node = new JsonObject
        {
            ["id"] = track.Id,
            ["source"] = track.SourceName,
            ["durationSeconds"] = AnalysisJson.Round(track.DurationSeconds),
            ["model"] = track.ModelName,
            ["modelVersion"] = track.ModelVersion,
            ["addedUtc"] = track.AddedUtc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["key"] = track.Descriptors.Key.Name,
            ["description"] = track.Description,
        };
        if (withCurves)
        {
            node["secondsPerValue"] = 1;
            node["arousal"] = AnalysisJson.Numbers(track.Timeline.Arousal);
            node["valence"] = AnalysisJson.Numbers(track.Timeline.Valence);
            node["music"] = new JsonArray(track.Timeline.Presence.Select(p => (JsonNode?)JsonValue.Create(p == MusicPresence.Music)).ToArray());
        }

        node["descriptors"] = Named(TrackDescriptors.Names, track.Descriptors.Values);
        node["emotionStatistics"] = Named(TrackVectorBlocks.EmotionStatisticNames, track.Blocks.EmotionStatistics);
        int arc = track.Blocks.ArcLength;
        node["emotionArc"] = new JsonObject
        {
            ["length"] = arc,
            ["arousal"] = AnalysisJson.Numbers(track.Blocks.EmotionArc.Take(arc).ToArray()),
            ["valence"] = AnalysisJson.Numbers(track.Blocks.EmotionArc.Skip(arc).ToArray()),
        };
        if (track.Blocks.Melody is { } melody)
        {
            node["melody"] = Named(TrackVectorBlocks.MelodyNames, melody);
        }

        return node;
    }

    /// <summary>One line of <c>mer catalog export --format jsonl</c>.</summary>
    public static string Line(TrackRecord track) => Track(track).ToJsonString(Compact);

    /// <summary>A page of <c>mer catalog list --format json</c>.</summary>
    public static string Page(TrackPage page, IReadOnlyList<ModelTrackCount> models) => new JsonObject
    {
        ["offset"] = page.Offset,
        ["total"] = page.Total,
        ["models"] = new JsonArray(models.Select(m => (JsonNode)new JsonObject { ["model"] = m.ModelName, ["modelVersion"] = m.ModelVersion, ["tracks"] = m.Tracks }).ToArray()),
        ["tracks"] = new JsonArray(page.Items.Select(t => (JsonNode)Track(t, withCurves: false)).ToArray()),
    }.ToJsonString(Indented);

    /// <summary>The output of <c>mer recommend --format json</c>.</summary>
    public static string Recommendations(RecommendationResult result) => new JsonObject
    {
        ["similarity"] = result.Similarity == SimilarityKind.Combined ? "combined" : "arc",
        ["search"] = result.SearchKind,
        ["searchedTracks"] = result.SearchedTracks,
        ["staleTracks"] = result.StaleTracks,
        ["diversity"] = AnalysisJson.Round(result.Diversity),
        ["items"] = new JsonArray(result.Items.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.TrackId,
            ["source"] = r.SourceName,
            ["durationSeconds"] = AnalysisJson.Round(r.DurationSeconds),
            ["score"] = AnalysisJson.Round(r.Score),
            ["relevance"] = AnalysisJson.Round(r.Relevance),
            ["diversityContribution"] = AnalysisJson.Round(r.DiversityContribution),
            ["blocks"] = new JsonObject(r.Blocks.Select(b => KeyValuePair.Create(BlockKey(b.Block), (JsonNode?)new JsonObject
            {
                ["cosine"] = AnalysisJson.Round(b.Cosine),
                ["weight"] = AnalysisJson.Round(b.Weight),
            }))),
            ["closestLikedId"] = r.ClosestLikedId,
            ["explanation"] = r.Explanation,
        }).ToArray()),
    }.ToJsonString(Indented);

    /// <summary>The JSON key of a block: descriptors, emotionStatistics, emotionArc.</summary>
    public static string BlockKey(VectorBlock block) => JsonNamingPolicy.CamelCase.ConvertName(block.ToString());

    private static JsonObject Named(IReadOnlyList<string> names, IReadOnlyList<float> values) =>
        new(names.Select((n, i) => KeyValuePair.Create(n, (JsonNode?)AnalysisJson.Round(values[i]))));
}
