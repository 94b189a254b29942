namespace MusicEmotion.OpenAI;

/// <summary>
/// Settings for <see cref="OpenAiChatEmotionDescriber"/>: which OpenAI-compatible chat endpoint to ask, with which
/// model and key, and how long to wait. The describer copies them when it is created.
/// </summary>
public sealed class OpenAiDescriberOptions
{
    /// <summary>The system prompt used unless <see cref="SystemPrompt"/> is changed.</summary>
    public const string DefaultSystemPrompt =
        "You describe how a piece of music feels, for a listener who cannot hear it, from measurements made by a "
        + "music-emotion model. Arousal runs from -1 (calm, sleepy) to +1 (excited, energetic); valence from -1 "
        + "(unpleasant: sad, angry, tense) to +1 (pleasant: happy, serene). Q1 = positive valence and arousal (happy, "
        + "excited), Q2 = negative valence, positive arousal (angry, tense), Q3 = negative valence and arousal (sad, "
        + "depressed), Q4 = positive valence, negative arousal (calm, relaxed). Values near 0 are neutral. Times are "
        + "seconds from the start. Write 2 to 3 plain English sentences: the overall character, how it changes over "
        + "time, and the most striking moment with its time as mm:ss. Stay faithful to the numbers: never call music "
        + "with negative valence happy or music with low arousal energetic. Do not mention numbers, axes, quadrants or "
        + "the model, and do not invent lyrics, instruments or genre. Answer with the sentences only.";

    /// <summary>
    /// Base address of the OpenAI-compatible API, including its version segment; the describer posts to
    /// <c>{Endpoint}/chat/completions</c>. Default <c>https://api.openai.com/v1</c>; for a local server e.g.
    /// <c>http://127.0.0.1:8080/v1</c>.
    /// </summary>
    public Uri Endpoint { get; set; } = new("https://api.openai.com/v1");

    /// <summary>The chat model to ask (default <c>gpt-4o-mini</c>).</summary>
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>API key sent as a bearer token. Required; servers that ignore keys accept any placeholder.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Sampling temperature on [0, 2] (default 0.3: mostly repeatable wording).</summary>
    public float Temperature { get; set; } = 0.3f;

    /// <summary>The most tokens the answer may use (default 200, ample for three sentences).</summary>
    public int MaxOutputTokens { get; set; } = 200;

    /// <summary>How long one description may take in all, retries included (default 30 seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a failed request (HTTP 408, 429, 5xx or a network error) is retried within <see cref="Timeout"/> (default 2).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// Points per dimension of the downsampled arousal/valence curve sent with the summary (default 24; 0 sends no
    /// curve). See <c>FixedLengthResampler</c> for how the curve is resampled.
    /// </summary>
    public int CurvePoints { get; set; } = 24;

    /// <summary>Instructions for the model (default <see cref="DefaultSystemPrompt"/>).</summary>
    public string SystemPrompt { get; set; } = DefaultSystemPrompt;

    /// <summary>
    /// When true, a failed request (error status, unreachable endpoint, timeout, empty answer) is logged and the
    /// deterministic <c>RuleBasedEmotionDescriber</c> answers instead of an exception being thrown. Default false.
    /// </summary>
    public bool FallbackToRuleBased { get; set; }

    /// <summary>Throws when a setting is missing or out of range.</summary>
    internal void Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("Endpoint must be an absolute http or https address, e.g. https://api.openai.com/v1.", nameof(Endpoint));
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            throw new ArgumentException("Model must name the chat model to ask.", nameof(Model));
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("ApiKey is required (servers that ignore keys accept any placeholder).", nameof(ApiKey));
        }

        if (!(Temperature >= 0 && Temperature <= 2))
        {
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "Temperature must lie on [0, 2].");
        }

        if (MaxOutputTokens < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxOutputTokens), MaxOutputTokens, "MaxOutputTokens must be at least 1.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Timeout must be positive.");
        }

        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "MaxRetries must be 0 or more.");
        }

        if (CurvePoints < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(CurvePoints), CurvePoints, "CurvePoints must be 0 or more.");
        }

        if (string.IsNullOrWhiteSpace(SystemPrompt))
        {
            throw new ArgumentException("SystemPrompt must not be empty.", nameof(SystemPrompt));
        }
    }
}
