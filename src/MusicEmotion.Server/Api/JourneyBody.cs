namespace MusicEmotion.Server.Api;

/// <summary>
/// The body of <c>POST /api/journeys</c>, as the OpenAPI document describes it; <see cref="JourneyBodyReader"/> reads it.
/// A mood is a name (<c>"calm"</c>), a quadrant (<c>"Q1"</c>), <c>"valence,arousal"</c>, or an object
/// <c>{"valence": 0.4, "arousal": -0.5}</c>.
/// </summary>
internal sealed record JourneyBody
{
    /// <summary>Start mood (with <see cref="To"/>; or give <see cref="Path"/>).</summary>
    public object? From { get; init; }

    /// <summary>End mood.</summary>
    public object? To { get; init; }

    /// <summary>Waypoints between start and end, in order (at most 20).</summary>
    public IReadOnlyList<object>? Via { get; init; }

    /// <summary>A drawn path instead of from/via/to: 2 to 1000 points <c>{"valence", "arousal"}</c> on [-1, 1].</summary>
    public IReadOnlyList<JourneyPoint>? Path { get; init; }

    /// <summary>How many songs (1–200; default 12 unless <see cref="DurationSeconds"/> is given).</summary>
    public int? Songs { get; init; }

    /// <summary>Target length in seconds instead of <see cref="Songs"/> (more than 0, at most a week).</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Ids of liked tracks, preferred where they fit (at most 500).</summary>
    public IReadOnlyList<string>? Liked { get; init; }

    /// <summary>Ids of disliked tracks, never planned (at most 500, none also liked).</summary>
    public IReadOnlyList<string>? Disliked { get; init; }

    /// <summary>Ids never to plan.</summary>
    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>Only songs at least this long (seconds).</summary>
    public double? MinDurationSeconds { get; init; }

    /// <summary>Only songs at most this long (seconds).</summary>
    public double? MaxDurationSeconds { get; init; }
}

/// <summary>A point of the valence–arousal plane in a request or answer.</summary>
/// <param name="Valence">−1 … 1.</param>
/// <param name="Arousal">−1 … 1.</param>
internal sealed record JourneyPoint(double Valence, double Arousal);
