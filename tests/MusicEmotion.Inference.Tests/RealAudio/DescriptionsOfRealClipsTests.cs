using System.Text.RegularExpressions;

namespace MusicEmotion.Inference.Tests.RealAudio;

/// <summary>
/// The shipped model and the rule-based describer on real 4Q clips (from the `val` split, never trained on):
/// a calm, sad clip must not be called joyful, and a happy one must not be called sad. Needs ../shared/data.
/// </summary>
public sealed class DescriptionsOfRealClipsTests
{
    private static readonly Regex JoyfulWords = new(@"\b(joyful|cheerful|upbeat|happy|energetic|exuberant|excited)\b", RegexOptions.IgnoreCase);
    private static readonly Regex SadWords = new(@"\b(sad|sombre|melancholic|wistful|depressed|gloomy)\b", RegexOptions.IgnoreCase);

    [SkippableTheory]
    [InlineData("audio/Q3/MT0003930610.mp3")] // 4Q Q3 (sad/depressed), val split
    [InlineData("audio/Q3/MT0004082588.mp3")] // 4Q Q3, val split
    public async Task A_calm_sad_clip_is_not_called_joyful(string clip)
    {
        string path = SharedData.Require("4q", clip);
        using var analyzer = EmotionAnalyzer.CreateDefault();

        EmotionAnalysis analysis = await analyzer.AnalyzeAsync(path);

        analysis.Summary.Arousal!.Mean.Should().BeNegative("a calm clip");
        analysis.Description.Should().NotMatchRegex(JoyfulWords.ToString(), "a sad clip described as joyful would mislead users");
    }

    [SkippableTheory]
    [InlineData("audio/Q1/MT0001605268.mp3")] // 4Q Q1 (happy/excited), val split
    [InlineData("audio/Q1/MT0001521543.mp3")] // 4Q Q1, val split
    public async Task A_happy_clip_is_not_called_sad(string clip)
    {
        string path = SharedData.Require("4q", clip);
        using var analyzer = EmotionAnalyzer.CreateDefault();

        EmotionAnalysis analysis = await analyzer.AnalyzeAsync(path);

        analysis.Summary.Valence!.Mean.Should().BePositive("a happy clip");
        SadWords.IsMatch(analysis.Description!).Should().BeFalse($"'{analysis.Description}' calls a happy clip sad");
    }

    [SkippableFact]
    public async Task The_sad_clip_is_described_with_sad_or_calm_words()
    {
        string path = SharedData.Require("4q", "audio/Q3/MT0003930610.mp3");
        using var analyzer = EmotionAnalyzer.CreateDefault();

        EmotionAnalysis analysis = await analyzer.AnalyzeAsync(path);

        analysis.Summary.DominantQuadrant.Should().Be(MusicEmotion.Inference.Analysis.EmotionQuadrant.Q3);
        analysis.Description.Should().MatchRegex(@"(?i)\b(sad|sombre|melancholic|wistful|quiet|subdued|hushed|dark)\b");
    }
}
