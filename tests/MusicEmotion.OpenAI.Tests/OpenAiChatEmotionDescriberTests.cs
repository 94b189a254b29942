using System.Diagnostics;
using System.Text.Json;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;
using MusicEmotion.Inference.Description;

namespace MusicEmotion.OpenAI.Tests;

public class OpenAiChatEmotionDescriberTests
{
    private const string ApiKey = "sk-test-0123456789abcdef";
    private const string Model = "test-model";

    private static readonly EmotionTimeline Timeline = new(
        Enumerable.Repeat(0.5f, 120).ToArray(),
        Enumerable.Repeat(-0.25f, 120).ToArray(),
        120);

    private static readonly EmotionSummary Summary = EmotionSummary.From(Timeline);

    [Fact]
    public async Task Returns_the_completion_text_from_the_endpoint()
    {
        await using var server = LoopbackChatServer.Answering(200, LoopbackChatServer.Completion("  A tense, restless piece that never lets up.\n"));
        var describer = new OpenAiChatEmotionDescriber(Options(server));

        string text = await describer.DescribeAsync(Timeline, Summary);

        text.Should().Be("A tense, restless piece that never lets up.");
    }

    [Fact]
    public async Task A_song_without_music_is_described_without_asking_the_endpoint()
    {
        await using var server = LoopbackChatServer.Answering(200, LoopbackChatServer.Completion("An angry, tense piece."));
        var silent = new EmotionTimeline(new float[60], new float[60], 60, Enumerable.Repeat(MusicPresence.Silence, 60).ToArray());

        string text = await new OpenAiChatEmotionDescriber(Options(server)).DescribeAsync(silent, EmotionSummary.From(silent));

        text.Should().StartWith("No music detected");
        server.Requests.Should().BeEmpty("silence is not sent to the endpoint");
    }

    [Fact]
    public async Task Request_carries_model_bearer_key_settings_and_summary_numbers()
    {
        await using var server = LoopbackChatServer.Answering(200, LoopbackChatServer.Completion("Fine."));
        var describer = new OpenAiChatEmotionDescriber(Options(server));

        await describer.DescribeAsync(Timeline, Summary);

        server.Requests.Should().ContainSingle();
        server.Requests.TryPeek(out ReceivedRequest? request).Should().BeTrue();
        request!.Method.Should().Be("POST");
        request.Path.Should().Be("/v1/chat/completions");
        request.Authorization.Should().Be($"Bearer {ApiKey}");

        using var body = JsonDocument.Parse(request.Body);
        JsonElement root = body.RootElement;
        root.GetProperty("model").GetString().Should().Be(Model);
        root.GetProperty("temperature").GetDouble().Should().BeApproximately(0.3, 1e-6);
        root.GetProperty("max_completion_tokens").GetInt32().Should().Be(200);
        JsonElement[] messages = root.GetProperty("messages").EnumerateArray().ToArray();
        messages.Should().HaveCount(2);
        messages[0].GetProperty("role").GetString().Should().Be("system");
        messages[0].GetProperty("content").GetString().Should().Be(OpenAiDescriberOptions.DefaultSystemPrompt);
        messages[1].GetProperty("role").GetString().Should().Be("user");
        string user = messages[1].GetProperty("content").GetString()!;
        user.Should().Contain("\"arousal\":{\"mean\":0.5,").And.Contain("\"valence\":{\"mean\":-0.25,");
        user.Should().Contain("\"dominantQuadrant\":\"Q2\"").And.Contain("\"q2\":1");
        user.Should().Contain("\"curve\":{\"secondsPerPoint\":5,");
    }

    [Fact]
    public async Task Custom_system_prompt_and_settings_are_sent()
    {
        await using var server = LoopbackChatServer.Answering(200, LoopbackChatServer.Completion("Fine."));
        OpenAiDescriberOptions options = Options(server);
        options.SystemPrompt = "Describe in one word.";
        options.Temperature = 1.25f;
        options.MaxOutputTokens = 17;
        options.CurvePoints = 0;

        await new OpenAiChatEmotionDescriber(options).DescribeAsync(Timeline, Summary);

        server.Requests.TryPeek(out ReceivedRequest? request).Should().BeTrue();
        using var body = JsonDocument.Parse(request!.Body);
        body.RootElement.GetProperty("temperature").GetDouble().Should().BeApproximately(1.25, 1e-6);
        body.RootElement.GetProperty("max_completion_tokens").GetInt32().Should().Be(17);
        JsonElement[] messages = body.RootElement.GetProperty("messages").EnumerateArray().ToArray();
        messages[0].GetProperty("content").GetString().Should().Be("Describe in one word.");
        messages[1].GetProperty("content").GetString().Should().Contain("\"curve\":null");
    }

    [Fact]
    public async Task Server_error_becomes_a_typed_exception_without_the_api_key()
    {
        await using var server = LoopbackChatServer.Answering(500, $$$"""{"error":{"message":"model overloaded (key {{{ApiKey}}})","type":"server_error"}}""");
        var describer = new OpenAiChatEmotionDescriber(Options(server));

        Func<Task> act = () => describer.DescribeAsync(Timeline, Summary);

        var thrown = await act.Should().ThrowAsync<EmotionDescriptionException>();
        EmotionDescriptionException ex = thrown.Which;
        ex.Failure.Should().Be(EmotionDescriptionFailure.ServiceError);
        ex.StatusCode.Should().Be(500);
        ex.Message.Should().Contain("HTTP 500").And.Contain("model overloaded").And.Contain(Model);
        ex.Message.Should().NotContain(ApiKey);
        server.Requests.Should().HaveCount(1, "MaxRetries is 0");
    }

    [Fact]
    public async Task Server_errors_are_retried_up_to_MaxRetries()
    {
        await using var server = LoopbackChatServer.Answering(503, """{"error":{"message":"busy"}}""");
        OpenAiDescriberOptions options = Options(server);
        options.MaxRetries = 1;

        Func<Task> act = () => new OpenAiChatEmotionDescriber(options).DescribeAsync(Timeline, Summary);

        (await act.Should().ThrowAsync<EmotionDescriptionException>()).Which.StatusCode.Should().Be(503);
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Server_error_falls_back_to_the_rule_based_description_when_enabled()
    {
        await using var server = LoopbackChatServer.Answering(500, """{"error":{"message":"boom"}}""");
        OpenAiDescriberOptions options = Options(server);
        options.FallbackToRuleBased = true;

        string text = await new OpenAiChatEmotionDescriber(options).DescribeAsync(Timeline, Summary);

        text.Should().Be(new RuleBasedEmotionDescriber().Describe(Summary));
        server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task Hung_server_times_out_within_the_configured_timeout()
    {
        await using var server = LoopbackChatServer.Hanging();
        OpenAiDescriberOptions options = Options(server);
        options.Timeout = TimeSpan.FromSeconds(1);
        var describer = new OpenAiChatEmotionDescriber(options);
        var clock = Stopwatch.StartNew();

        Func<Task> act = () => describer.DescribeAsync(Timeline, Summary);

        EmotionDescriptionException ex = (await act.Should().ThrowAsync<EmotionDescriptionException>()).Which;
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        ex.Failure.Should().Be(EmotionDescriptionFailure.Timeout);
        ex.Message.Should().Contain("did not answer within 1 s").And.NotContain(ApiKey);
        server.Requests.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Hung_server_falls_back_when_enabled()
    {
        await using var server = LoopbackChatServer.Hanging();
        OpenAiDescriberOptions options = Options(server);
        options.Timeout = TimeSpan.FromMilliseconds(500);
        options.FallbackToRuleBased = true;

        string text = await new OpenAiChatEmotionDescriber(options).DescribeAsync(Timeline, Summary);

        text.Should().Be(new RuleBasedEmotionDescriber().Describe(Summary));
    }

    [Fact]
    public async Task Caller_cancellation_is_not_turned_into_a_timeout_or_a_fallback()
    {
        await using var server = LoopbackChatServer.Hanging();
        OpenAiDescriberOptions options = Options(server);
        options.Timeout = TimeSpan.FromSeconds(30);
        options.FallbackToRuleBased = true;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Func<Task> act = () => new OpenAiChatEmotionDescriber(options).DescribeAsync(Timeline, Summary, cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Empty_answer_becomes_a_typed_exception()
    {
        await using var server = LoopbackChatServer.Answering(200, LoopbackChatServer.Completion("   "));

        Func<Task> act = () => new OpenAiChatEmotionDescriber(Options(server)).DescribeAsync(Timeline, Summary);

        (await act.Should().ThrowAsync<EmotionDescriptionException>()).Which.Failure.Should().Be(EmotionDescriptionFailure.EmptyAnswer);
    }

    [Fact]
    public async Task Malformed_answer_becomes_a_typed_exception()
    {
        await using var server = LoopbackChatServer.Answering(200, "<html>not a completion</html>");

        Func<Task> act = () => new OpenAiChatEmotionDescriber(Options(server)).DescribeAsync(Timeline, Summary);

        (await act.Should().ThrowAsync<EmotionDescriptionException>()).Which.Failure.Should().Be(EmotionDescriptionFailure.InvalidAnswer);
    }

    [Fact]
    public async Task Unreachable_endpoint_becomes_a_typed_exception()
    {
        Uri endpoint;
        await using (var server = LoopbackChatServer.Answering(200, LoopbackChatServer.Completion("unused")))
        {
            endpoint = server.Endpoint;
        }

        var options = new OpenAiDescriberOptions { Endpoint = endpoint, Model = Model, ApiKey = ApiKey, MaxRetries = 0, Timeout = TimeSpan.FromSeconds(5) };

        Func<Task> act = () => new OpenAiChatEmotionDescriber(options).DescribeAsync(Timeline, Summary);

        EmotionDescriptionException ex = (await act.Should().ThrowAsync<EmotionDescriptionException>()).Which;
        ex.Failure.Should().Be(EmotionDescriptionFailure.Unreachable);
        ex.Message.Should().Contain(endpoint.Authority).And.NotContain(ApiKey);
    }

    [Fact]
    public void Missing_or_invalid_options_are_rejected()
    {
        var valid = new OpenAiDescriberOptions { Endpoint = new Uri("http://127.0.0.1:1/v1"), Model = Model, ApiKey = ApiKey };
        FluentActions.Invoking(() => new OpenAiChatEmotionDescriber(valid)).Should().NotThrow();

        valid.ApiKey = "";
        FluentActions.Invoking(() => new OpenAiChatEmotionDescriber(valid)).Should().Throw<ArgumentException>().WithMessage("*ApiKey*");
        valid.ApiKey = ApiKey;
        valid.Timeout = TimeSpan.Zero;
        FluentActions.Invoking(() => new OpenAiChatEmotionDescriber(valid)).Should().Throw<ArgumentOutOfRangeException>();
        valid.Timeout = TimeSpan.FromSeconds(1);
        valid.Endpoint = new Uri("ftp://127.0.0.1/v1");
        FluentActions.Invoking(() => new OpenAiChatEmotionDescriber(valid)).Should().Throw<ArgumentException>().WithMessage("*Endpoint*");
    }

    private static OpenAiDescriberOptions Options(LoopbackChatServer server) => new()
    {
        Endpoint = server.Endpoint,
        Model = Model,
        ApiKey = ApiKey,
        MaxRetries = 0,
        Timeout = TimeSpan.FromSeconds(10),
    };
}
