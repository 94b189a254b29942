using System.Text.Json;
using MusicEmotion.Recommend.Journeys;

namespace MusicEmotion.Server.Api;

/// <summary>Reads the body of <c>POST /api/journeys</c> (<see cref="JourneyBody"/>) field by field, naming every wrong field.</summary>
internal static class JourneyBodyReader
{
    private static readonly string[] MoodFields = ["from", "to", "via"];

    /// <summary>Most waypoints.</summary>
    public const int MaxWaypoints = 20;

    /// <summary>Longest target duration: a week.</summary>
    public const double MaxDurationSeconds = 7 * 24 * 3600;

    private const string Example = "{\"from\": \"calm\", \"to\": \"energetic\", \"songs\": 12}";

    private static readonly string[] Fields =
        ["from", "to", "via", "path", "songs", "durationSeconds", "liked", "disliked", "exclude", "minDurationSeconds", "maxDurationSeconds"];

    private static readonly string MoodAllowed =
        $"a mood: a name ({string.Join(", ", MoodNames.All.Keys)}), \"valence,arousal\" or {{\"valence\": v, \"arousal\": a}} with both on [-1, 1]";

    /// <summary>The request in the body of <paramref name="request"/>.</summary>
    /// <exception cref="ApiProblemException">415 when the body is not JSON; 413 when it is too large; 400 naming every wrong field.</exception>
    public static Task<JourneyRequest> ReadAsync(HttpRequest request, int maxSongs, CancellationToken cancellationToken) =>
        JsonBody.ReadAsync(request, Example, "journey request", root => Read(root, maxSongs), cancellationToken);

    /// <summary>The request in <paramref name="root"/>, or the problem naming every wrong field.</summary>
    internal static JourneyRequest Read(JsonElement root, int maxSongs)
    {
        var errors = new List<FieldError>();
        Dictionary<string, JsonElement> values = JsonBody.Fields(root, Fields, Example, errors);
        MoodPath? path = Path(values, errors);
        int? songs = JsonBody.Integer(values, "songs", 1, maxSongs, errors);
        double? duration = JsonBody.Number(values, "durationSeconds", 0, MaxDurationSeconds, minExclusive: true, "a number of seconds, more than 0 and at most a week", errors);
        if (values.ContainsKey("songs") && values.TryGetValue("durationSeconds", out JsonElement both))
        {
            errors.Add(new FieldError("$.durationSeconds", "body", JsonBody.Echo(both), "absent when songs is given: give songs or durationSeconds, not both"));
        }

        string[] liked = JsonBody.Ids(values, "liked", required: false, errors);
        string[] disliked = JsonBody.Ids(values, "disliked", required: false, errors);
        string[] excluded = JsonBody.Ids(values, "exclude", required: false, errors);
        (double? least, double? most) = TrackSelectionFields.DurationBounds(values, errors);
        TrackSelectionFields.RefuseLikedAndDisliked(liked, disliked, errors);

        if (errors.Count > 0 || path is null)
        {
            throw new ApiProblemException(ApiProblem.InvalidFields(errors));
        }

        return new JourneyRequest
        {
            Path = path,
            Songs = duration is null ? songs ?? 12 : null,
            TargetDurationSeconds = duration,
            Liked = liked,
            Disliked = disliked,
            ExcludeIds = excluded,
            MinDurationSeconds = least,
            MaxDurationSeconds = most,
        };
    }

    private static MoodPath? Path(Dictionary<string, JsonElement> values, List<FieldError> errors)
    {
        if (values.TryGetValue("path", out JsonElement drawn))
        {
            foreach (string other in MoodFields.Where(values.ContainsKey))
            {
                errors.Add(new FieldError($"$.{other}", "body", JsonBody.Echo(values[other]), "absent when path is given: give path, or from and to (with via)"));
            }

            if (drawn.ValueKind != JsonValueKind.Array || drawn.GetArrayLength() is < 2 or > MoodPath.MaxPoints)
            {
                errors.Add(new FieldError("$.path", "body", JsonBody.Echo(drawn), $"an array of 2 to {MoodPath.MaxPoints} points {{\"valence\": v, \"arousal\": a}} on [-1, 1]"));
                return null;
            }

            var points = new List<MoodPoint>();
            int index = 0;
            foreach (JsonElement item in drawn.EnumerateArray())
            {
                if (Mood(item, $"$.path[{index++}]", errors) is { } point)
                {
                    points.Add(point);
                }
            }

            return points.Count == drawn.GetArrayLength() ? new MoodPath(points) : null;
        }

        MoodPoint? from = Required(values, "from", errors), to = Required(values, "to", errors);
        var via = new List<MoodPoint>();
        bool viaValid = true;
        if (values.TryGetValue("via", out JsonElement waypoints))
        {
            if (waypoints.ValueKind != JsonValueKind.Array || waypoints.GetArrayLength() > MaxWaypoints)
            {
                errors.Add(new FieldError("$.via", "body", JsonBody.Echo(waypoints), $"an array of at most {MaxWaypoints} moods"));
                viaValid = false;
            }
            else
            {
                int index = 0;
                foreach (JsonElement item in waypoints.EnumerateArray())
                {
                    if (Mood(item, $"$.via[{index++}]", errors) is { } point)
                    {
                        via.Add(point);
                    }
                    else
                    {
                        viaValid = false;
                    }
                }
            }
        }

        return from is { } start && to is { } end && viaValid ? MoodPath.Through(start, end, via) : null;
    }

    private static MoodPoint? Required(Dictionary<string, JsonElement> values, string field, List<FieldError> errors)
    {
        if (values.TryGetValue(field, out JsonElement value))
        {
            return Mood(value, $"$.{field}", errors);
        }

        errors.Add(new FieldError($"$.{field}", "body", null, MoodAllowed + " (or give path instead of from and to)"));
        return null;
    }

    private static MoodPoint? Mood(JsonElement value, string field, List<FieldError> errors)
    {
        if (value.ValueKind == JsonValueKind.String && MoodPoint.TryParse(value.GetString(), out MoodPoint named))
        {
            return named;
        }

        if (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Count() == 2
            && TryNumber(value, "valence", out double valence) && TryNumber(value, "arousal", out double arousal)
            && new MoodPoint(valence, arousal) is { IsOnPlane: true } point)
        {
            return point;
        }

        errors.Add(new FieldError(field, "body", JsonBody.Echo(value), MoodAllowed));
        return null;
    }

    private static bool TryNumber(JsonElement value, string name, out double number)
    {
        number = 0;
        JsonProperty property = value.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        return property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out number) && double.IsFinite(number);
    }
}
