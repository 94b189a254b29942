using System.Text.RegularExpressions;
using MusicEmotion.Inference.Analysis;
using MusicEmotion.Inference.Description;
using MusicEmotion.Inference.Tests.Analysis;

namespace MusicEmotion.Inference.Tests.Description;

public class RuleBasedEmotionDescriberTests
{
    private static readonly string[] JoyfulWords = ["joyful", "energetic", "upbeat", "cheerful", "happy", "euphoric"];
    private static readonly string[] AngryWords = ["tense", "aggressive", "angry", "restless"];
    private static readonly string[] SadWords = ["sad", "melancholic", "sombre", "wistful", "gloomy"];
    private static readonly string[] CalmWords = ["calm", "serene", "tender", "relaxed", "gentle"];
    private static readonly string[] NeutralWords = ["neutral", "understated"];

    private readonly RuleBasedEmotionDescriber _describer = new();

    public static TheoryData<float, float, string> Quadrants => new()
    {
        { 0.5f, 0.5f, "joyful" },
        { 0.3f, 0.25f, "joyful" },
        { 0.5f, -0.5f, "angry" },
        { 0.3f, -0.25f, "angry" },
        { -0.5f, -0.5f, "sad" },
        { -0.3f, -0.25f, "sad" },
        { -0.5f, 0.5f, "calm" },
        { -0.3f, 0.25f, "calm" },
    };

    [Theory]
    [MemberData(nameof(Quadrants))]
    public void Steady_music_in_each_quadrant_gets_that_quadrants_words_and_no_others(float arousal, float valence, string expected)
    {
        string text = Describe(TestTimelines.Constant(arousal, valence, 120));

        var groups = new Dictionary<string, string[]>
        {
            ["joyful"] = JoyfulWords,
            ["angry"] = AngryWords,
            ["sad"] = SadWords,
            ["calm"] = CalmWords,
        };
        ContainsAny(text, groups[expected]).Should().BeTrue($"\"{text}\" should use a {expected} word");
        foreach ((string name, string[] words) in groups.Where(g => g.Key != expected))
        {
            ContainsAny(text, words).Should().BeFalse($"\"{text}\" must not use {name} words");
        }

        ContainsAny(text, NeutralWords).Should().BeFalse();
        text.Should().Contain("steady");
    }

    [Fact]
    public void Calm_sad_piece_is_never_called_joyful()
    {
        var random = new Random(7);
        float[] arousal = Enumerable.Range(0, 200).Select(_ => (float)(-0.6 + (random.NextDouble() * 0.2))).ToArray();
        float[] valence = Enumerable.Range(0, 200).Select(_ => (float)(-0.5 + (random.NextDouble() * 0.2))).ToArray();

        string text = Describe(TestTimelines.Of(arousal, valence));

        ContainsAny(text, SadWords).Should().BeTrue(text);
        ContainsAny(text, JoyfulWords).Should().BeFalse(text);
    }

    [Fact]
    public void Near_neutral_music_is_described_as_neutral_without_mood_words()
    {
        string text = Describe(TestTimelines.Constant(0.05f, -0.05f, 90));

        ContainsAny(text, NeutralWords).Should().BeTrue(text);
        ContainsAny(text, [.. JoyfulWords, .. AngryWords, .. SadWords, .. CalmWords]).Should().BeFalse(text);
        text.Should().NotContain("most intense moment");
    }

    [Fact]
    public void Rising_arousal_builds_in_energy()
    {
        var timeline = TestTimelines.Of(TestTimelines.Ramp(-0.6f, 0.6f, 180), TestTimelines.Repeat(0.3f, 180));

        string text = Describe(timeline);

        text.Should().Contain("builds in energy").And.NotContain("winds down").And.NotContain("steady");
    }

    [Fact]
    public void Falling_arousal_winds_down()
    {
        var timeline = TestTimelines.Of(TestTimelines.Ramp(0.6f, -0.6f, 180), TestTimelines.Repeat(0.3f, 180));

        Describe(timeline).Should().Contain("winds down").And.NotContain("builds in energy");
    }

    [Fact]
    public void Falling_valence_grows_darker_and_rising_valence_grows_brighter()
    {
        var darker = TestTimelines.Of(TestTimelines.Repeat(0.3f, 180), TestTimelines.Ramp(0.5f, -0.5f, 180));
        var brighter = TestTimelines.Of(TestTimelines.Repeat(0.3f, 180), TestTimelines.Ramp(-0.5f, 0.5f, 180));

        Describe(darker).Should().Contain("grows darker").And.NotContain("brighter");
        Describe(brighter).Should().Contain("grows brighter").And.NotContain("darker");
    }

    [Fact]
    public void Small_drift_is_not_called_a_trend()
    {
        var timeline = TestTimelines.Of(TestTimelines.Ramp(-0.45f, -0.35f, 180), TestTimelines.Repeat(-0.4f, 180));

        string text = Describe(timeline);

        text.Should().NotContain("builds in energy").And.NotContain("winds down").And.Contain("steady");
    }

    [Fact]
    public void Shifting_music_is_called_shifting()
    {
        // Alternates between a joyful and a sad point every 5 seconds.
        float[] arousal = Enumerable.Range(0, 120).Select(i => i / 5 % 2 == 0 ? 0.6f : -0.6f).ToArray();
        float[] valence = Enumerable.Range(0, 120).Select(i => i / 5 % 2 == 0 ? 0.6f : -0.6f).ToArray();

        string text = Describe(TestTimelines.Of(arousal, valence));

        text.Should().Contain("shifting").And.NotContain("steady");
    }

    [Fact]
    public void Strongest_moment_is_named_with_its_time_as_mm_ss()
    {
        float[] arousal = TestTimelines.Repeat(-0.3f, 200);
        float[] valence = TestTimelines.Repeat(0.3f, 200);
        arousal[83] = 0.9f; // 01:23
        valence[83] = -0.8f;

        string text = Describe(TestTimelines.Of(arousal, valence));

        text.Should().Contain("most intense moment comes at 01:23").And.Contain("high in energy and dark");
        ContainsAny(text, CalmWords).Should().BeTrue(text);
    }

    [Fact]
    public void Constant_music_names_no_moment()
    {
        Describe(TestTimelines.Constant(0.7f, 0.7f, 60)).Should().NotContain("moment");
    }

    [Fact]
    public void Description_has_one_to_three_sentences()
    {
        float[] arousal = TestTimelines.Ramp(-0.8f, 0.8f, 150);
        float[] valence = TestTimelines.Ramp(0.8f, -0.8f, 150);
        valence[10] = 1f;

        string text = Describe(TestTimelines.Of(arousal, valence));

        int sentences = text.Count(c => c == '.');
        sentences.Should().BeInRange(1, 3, text);
        text.Should().EndWith(".");
    }

    [Fact]
    public async Task DescribeAsync_returns_the_same_text_as_Describe()
    {
        var timeline = TestTimelines.Constant(-0.5f, -0.5f, 30);
        var summary = EmotionSummary.From(timeline);

        string text = await _describer.DescribeAsync(timeline, summary);

        text.Should().Be(_describer.Describe(summary));
    }

    private string Describe(EmotionTimeline timeline) => _describer.Describe(EmotionSummary.From(timeline));

    private static bool ContainsAny(string text, IEnumerable<string> words) =>
        words.Any(w => Regex.IsMatch(text, $@"\b{Regex.Escape(w)}\b", RegexOptions.IgnoreCase));
}
