using System.Text.Json;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.OpenAI.Tests;

public class EmotionPromptTests
{
    [Fact]
    public void User_message_holds_the_summary_rounded_to_three_decimals_and_the_downsampled_curve()
    {
        float[] arousal = Enumerable.Range(0, 60).Select(i => (i / 59f) - 0.5f).ToArray();
        float[] valence = Enumerable.Repeat(0.123456f, 60).ToArray();
        var timeline = new EmotionTimeline(arousal, valence, 60);
        var summary = EmotionSummary.From(timeline);

        string message = EmotionPrompt.UserMessage(timeline, summary, 12);

        string json = message[message.IndexOf('{')..];
        using var document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        root.GetProperty("summary").GetProperty("valence").GetProperty("mean").GetRawText().Should().Be("0.123");
        root.GetProperty("summary").GetProperty("seconds").GetInt32().Should().Be(60);
        JsonElement curve = root.GetProperty("curve");
        curve.GetProperty("secondsPerPoint").GetDouble().Should().Be(5);
        curve.GetProperty("arousal").GetArrayLength().Should().Be(12);
        curve.GetProperty("valence").EnumerateArray().Should().OnlyContain(v => v.GetRawText() == "0.123");
        // First point: the mean of arousal over seconds 0–4.
        curve.GetProperty("arousal")[0].GetDouble().Should().BeApproximately(Math.Round((2 / 59.0) - 0.5, 3), 1e-9);
    }

    [Fact]
    public void Curve_is_no_longer_than_the_timeline()
    {
        var timeline = new EmotionTimeline([0.1f, 0.2f, 0.3f], [0f, 0f, 0f], 3);

        string message = EmotionPrompt.UserMessage(timeline, EmotionSummary.From(timeline), 24);

        using var document = JsonDocument.Parse(message[message.IndexOf('{')..]);
        document.RootElement.GetProperty("curve").GetProperty("arousal").GetArrayLength().Should().Be(3);
    }
}
