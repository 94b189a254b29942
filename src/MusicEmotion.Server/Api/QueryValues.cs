using System.Globalization;
using MusicEmotion.Recommend.Recommending;

namespace MusicEmotion.Server.Api;

/// <summary>Reads query parameters, collecting a <see cref="FieldError"/> (name, value received, what is allowed) for each wrong one.</summary>
internal sealed class QueryValues
{
    /// <summary>The similarity kinds, in words.</summary>
    public const string SimilarityAllowed = "\"Combined\" (sound and emotion) or \"EmotionalArc\" (the shape of the emotion curves)";

    private readonly List<FieldError> _errors = [];

    /// <summary>An integer parameter from <paramref name="min"/> to <paramref name="max"/>, or <paramref name="fallback"/> when absent.</summary>
    public int Integer(string name, string? text, int min, int max, int fallback)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }

        _errors.Add(FieldError.Text(name, "query", text, max == int.MaxValue ? $"a whole number, {min} or more" : $"a whole number from {min} to {max}"));
        return fallback;
    }

    /// <summary>The <c>similarity</c> parameter, <see cref="SimilarityKind.Combined"/> when absent.</summary>
    public SimilarityKind Similarity(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return SimilarityKind.Combined;
        }

        if (ParseSimilarity(text) is { } kind)
        {
            return kind;
        }

        _errors.Add(FieldError.Text(name, "query", text, SimilarityAllowed));
        return SimilarityKind.Combined;
    }

    /// <summary>Throws the 400 problem naming every wrong parameter, if any.</summary>
    /// <exception cref="ApiProblemException">A parameter was wrong.</exception>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new ApiProblemException(ApiProblem.InvalidFields(_errors));
        }
    }

    /// <summary>A similarity kind by name (case-insensitive; <c>arc</c> for short), or null.</summary>
    public static SimilarityKind? ParseSimilarity(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "combined" => SimilarityKind.Combined,
        "emotionalarc" or "arc" => SimilarityKind.EmotionalArc,
        _ => null,
    };
}
