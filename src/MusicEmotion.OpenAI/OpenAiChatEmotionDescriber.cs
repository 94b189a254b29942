using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;
using MusicEmotion.Inference.Description;
using OpenAI;
using OpenAI.Chat;

namespace MusicEmotion.OpenAI;

/// <summary>
/// Describes a song by asking an OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI's v1 API, vLLM,
/// llama.cpp, Ollama …). The request carries <see cref="OpenAiDescriberOptions.SystemPrompt"/> and a user message with
/// the summary as compact JSON plus a downsampled curve, and asks for 2–3 plain sentences. Failures become an
/// <see cref="EmotionDescriptionException"/> whose message never contains the API key, or, when
/// <see cref="OpenAiDescriberOptions.FallbackToRuleBased"/> is set, a rule-based description. A song without music
/// (<see cref="EmotionSummary.Arousal"/> null) gets the rule-based "no music detected" text without a request. Thread-safe.
/// </summary>
public sealed partial class OpenAiChatEmotionDescriber : IEmotionDescriber
{
    private const int MaxErrorDetailLength = 300;

    private readonly ChatClient _client;
    private readonly string _endpoint;
    private readonly string _model;
    private readonly string _apiKey;
    private readonly string _systemPrompt;
    private readonly float _temperature;
    private readonly int _maxOutputTokens;
    private readonly TimeSpan _timeout;
    private readonly int _curvePoints;
    private static readonly RuleBasedEmotionDescriber NoMusic = new();
    private readonly RuleBasedEmotionDescriber? _fallback;
    private readonly ILogger _logger;

    /// <summary>Creates a describer for the endpoint and model in <paramref name="options"/>.</summary>
    /// <param name="options">Endpoint, model, key and limits; copied, so later changes have no effect.</param>
    /// <param name="logger">Receives a warning whenever the rule-based fallback answers; none when null.</param>
    /// <exception cref="ArgumentException">A required option is missing or invalid.</exception>
    public OpenAiChatEmotionDescriber(OpenAiDescriberOptions options, ILogger<OpenAiChatEmotionDescriber>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _endpoint = options.Endpoint.ToString();
        _model = options.Model;
        _apiKey = options.ApiKey;
        _systemPrompt = options.SystemPrompt;
        _temperature = options.Temperature;
        _maxOutputTokens = options.MaxOutputTokens;
        _timeout = options.Timeout;
        _curvePoints = options.CurvePoints;
        _fallback = options.FallbackToRuleBased ? new RuleBasedEmotionDescriber() : null;
        _logger = (ILogger?)logger ?? NullLogger.Instance;

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
        };
        _client = new ChatClient(options.Model, new ApiKeyCredential(options.ApiKey), clientOptions);
    }

    /// <inheritdoc />
    /// <exception cref="EmotionDescriptionException">
    /// The endpoint failed, timed out or answered with no text, and no fallback is configured.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<string> DescribeAsync(EmotionTimeline timeline, EmotionSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Arousal is null)
        {
            // No music: there is no mood to put into words, and no reason to send silence to the endpoint.
            return await NoMusic.DescribeAsync(timeline, summary, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await AskAsync(timeline, summary, cancellationToken).ConfigureAwait(false);
        }
        catch (EmotionDescriptionException ex) when (_fallback is not null)
        {
            LogFallback(_logger, ex.Failure, ex.Message);
            return _fallback.Describe(summary);
        }
    }

    private async Task<string> AskAsync(EmotionTimeline timeline, EmotionSummary summary, CancellationToken cancellationToken)
    {
        ChatMessage[] messages =
        [
            new SystemChatMessage(_systemPrompt),
            new UserChatMessage(EmotionPrompt.UserMessage(timeline, summary, _curvePoints)),
        ];
        var completionOptions = new ChatCompletionOptions
        {
            Temperature = _temperature,
            MaxOutputTokenCount = _maxOutputTokens,
        };

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        ChatCompletion completion;
        try
        {
            completion = (await _client.CompleteChatAsync(messages, completionOptions, deadline.Token).ConfigureAwait(false)).Value;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            throw TimedOut(ex);
        }
        catch (ClientResultException ex) when (ex.Status == 0)
        {
            if (deadline.IsCancellationRequested || ex.InnerException is TimeoutException or TaskCanceledException)
            {
                throw TimedOut(ex);
            }

            throw new EmotionDescriptionException(
                EmotionDescriptionFailure.Unreachable,
                Redact($"Could not reach the chat endpoint {_endpoint} (model '{_model}'): {ex.InnerException?.Message ?? ex.Message}"),
                innerException: ex);
        }
        catch (ClientResultException ex)
        {
            string detail = ErrorDetail(ex);
            throw new EmotionDescriptionException(
                EmotionDescriptionFailure.ServiceError,
                Redact($"The chat endpoint {_endpoint} answered HTTP {ex.Status} for model '{_model}'{(detail.Length > 0 ? ": " + detail : ".")}"),
                ex.Status,
                ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new EmotionDescriptionException(
                EmotionDescriptionFailure.Unreachable,
                Redact($"Could not reach the chat endpoint {_endpoint} (model '{_model}'): {ex.Message}"),
                innerException: ex);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new EmotionDescriptionException(
                EmotionDescriptionFailure.InvalidAnswer,
                Redact($"The chat endpoint {_endpoint} sent an answer that is not a chat completion: {ex.Message}"),
                innerException: ex);
        }

        string text = TextOf(completion);
        if (text.Length == 0)
        {
            string refusal = string.IsNullOrWhiteSpace(completion.Refusal) ? string.Empty : $" (refusal: {Truncate(completion.Refusal)})";
            throw new EmotionDescriptionException(
                EmotionDescriptionFailure.EmptyAnswer,
                Redact($"The chat endpoint {_endpoint} answered with no text for model '{_model}'{refusal}."));
        }

        return text;
    }

    private EmotionDescriptionException TimedOut(Exception inner) => new(
        EmotionDescriptionFailure.Timeout,
        Redact($"The chat endpoint {_endpoint} did not answer within {_timeout.TotalSeconds:0.###} s (model '{_model}')."),
        innerException: inner);

    private static string TextOf(ChatCompletion completion)
    {
        var text = new StringBuilder();
        foreach (ChatMessageContentPart part in completion.Content)
        {
            if (part.Kind == ChatMessageContentPartKind.Text)
            {
                text.Append(part.Text);
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>The server's own error message (<c>error.message</c> of an OpenAI error body), or the start of the body.</summary>
    private static string ErrorDetail(ClientResultException ex)
    {
        string body;
        try
        {
            body = ex.GetRawResponse()?.Content?.ToString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return string.Empty;
        }

        if (body.Length == 0)
        {
            return string.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out JsonElement error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out JsonElement message)
                && message.ValueKind == JsonValueKind.String)
            {
                return Truncate(message.GetString() ?? string.Empty);
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the raw body.
        }

        return Truncate(body);
    }

    private static string Truncate(string text) =>
        text.Length <= MaxErrorDetailLength ? text.Trim() : text[..MaxErrorDetailLength].Trim() + "…";

    private string Redact(string message) => message.Replace(_apiKey, "[redacted]", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat description failed ({Failure}); using the rule-based description instead. {Reason}")]
    private static partial void LogFallback(ILogger logger, EmotionDescriptionFailure failure, string reason);
}
