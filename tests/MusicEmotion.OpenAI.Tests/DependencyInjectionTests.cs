using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;
using MusicEmotion.Inference.Description;

namespace MusicEmotion.OpenAI.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddOpenAiEmotionDescriber_replaces_the_rule_based_describer_and_uses_the_configured_endpoint()
    {
        await using LoopbackChatServer server = LoopbackChatServer.Answering(200, LoopbackChatServer.Completion("Bright, driving and joyful."));
        var services = new ServiceCollection();
        services.AddMusicEmotion();
        services.AddOpenAiEmotionDescriber(o =>
        {
            o.Endpoint = server.Endpoint;
            o.Model = "local-model";
            o.ApiKey = "test-key";
            o.MaxRetries = 0;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        IEmotionDescriber describer = provider.GetRequiredService<IEmotionDescriber>();
        describer.Should().BeOfType<OpenAiChatEmotionDescriber>();

        var timeline = new EmotionTimeline([0.5f, 0.6f, 0.7f], [0.4f, 0.5f, 0.6f], 3.0);
        string text = await describer.DescribeAsync(timeline, EmotionSummary.From(timeline));

        text.Should().Be("Bright, driving and joyful.");
        server.Requests.Should().ContainSingle().Which.Body.Should().Contain("local-model");
    }

    [Fact]
    public async Task Invalid_options_fail_when_the_host_starts_with_the_options_message()
    {
        var services = new ServiceCollection();
        services.AddMusicEmotion();
        services.AddOpenAiEmotionDescriber(o => o.ApiKey = "");
        await using ServiceProvider provider = services.BuildServiceProvider();

        FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate())
            .Should().Throw<OptionsValidationException>().WithMessage("*ApiKey is required*");
        FluentActions.Invoking(() => provider.GetRequiredService<IOptions<OpenAiDescriberOptions>>().Value)
            .Should().Throw<OptionsValidationException>();
    }
}
