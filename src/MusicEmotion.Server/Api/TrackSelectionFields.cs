using System.Text.Json;
using System.Text.Json.Nodes;

namespace MusicEmotion.Server.Api;

/// <summary>
/// The checks of the fields that the recommendation and journey bodies share (<see cref="RecommendationBodyReader"/>,
/// <see cref="JourneyBodyReader"/>): the durations a track may have, and liked and disliked tracks that must not overlap.
/// </summary>
internal static class TrackSelectionFields
{
    /// <summary>
    /// The optional <c>minDurationSeconds</c> (0 or more) and <c>maxDurationSeconds</c> (more than 0); a minimum above the
    /// maximum is one more error.
    /// </summary>
    public static (double? Min, double? Max) DurationBounds(Dictionary<string, JsonElement> values, List<FieldError> errors)
    {
        double? least = JsonBody.Number(values, "minDurationSeconds", 0, double.MaxValue, minExclusive: false, "a number of seconds, 0 or more", errors);
        double? most = JsonBody.Number(values, "maxDurationSeconds", 0, double.MaxValue, minExclusive: true, "a number of seconds, more than 0", errors);
        if (least is { } low && most is { } high && low > high)
        {
            errors.Add(new FieldError("$.minDurationSeconds", "body", JsonValue.Create(low), $"at most maxDurationSeconds ({high})"));
        }

        return (least, most);
    }

    /// <summary>An error for every disliked track that is also liked (a track is liked or disliked, not both).</summary>
    public static void RefuseLikedAndDisliked(string[] liked, string[] disliked, List<FieldError> errors)
    {
        var likedSet = new HashSet<string>(liked, StringComparer.Ordinal);
        for (int i = 0; i < disliked.Length; i++)
        {
            if (likedSet.Contains(disliked[i]))
            {
                errors.Add(FieldError.Text($"$.disliked[{i}]", "body", disliked[i], "a track that is not also in liked (a track is liked or disliked, not both)"));
            }
        }
    }
}
