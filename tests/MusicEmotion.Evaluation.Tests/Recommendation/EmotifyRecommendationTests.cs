using MusicEmotion.Evaluation.Recommendation;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Evaluation.Tests.Recommendation;

/// <summary>
/// The recommendation bar on the real Emotify clips of ../shared/data, with the shipped model and the shipped default
/// weights: adding emotion to the audio descriptors must raise precision@10 by at least 0.02 absolute (about a minute:
/// the 200 clips are analysed once).
/// </summary>
public sealed class EmotifyRecommendationTests
{
    [SkippableFact]
    public async Task Emotion_raises_precision_at_10_over_descriptors_alone_by_at_least_two_points()
    {
        string folder = SharedData.Require("emotify");
        using EmotionAnalyzer emotion = EmotionAnalyzer.CreateDefault(new EmotionAnalyzerOptions { Describe = false });
        using var cache = new InMemoryTrackCatalog();

        EmotifyRecommendationBenchmark benchmark = await EmotifyRecommendationBenchmark.PrepareAsync(folder, new TrackAnalyzer(emotion), cache, Environment.ProcessorCount);
        EmotifyRecommendationReport report = await benchmark.RunAsync(10, BlockWeights.Default);

        benchmark.Skipped.Should().BeEmpty();
        report.N.Should().Be(200);
        report.Relevant.Should().Be(20);
        report.Random.PrecisionAtK.Should().BeApproximately(20 / 199.0, 1e-9);
        report.Descriptors.PrecisionAtK.Should().BeGreaterThan(report.Random.PrecisionAtK + 0.05, "audio descriptors find emotionally similar clips far above chance");
        report.Combined.PrecisionAtK.Should().BeGreaterThanOrEqualTo(report.Descriptors.PrecisionAtK + 0.02,
            $"the bar: descriptors + emotion ({report.Combined.PrecisionAtK:0.0000}) beats descriptors only ({report.Descriptors.PrecisionAtK:0.0000}) by 0.02");
        report.ToJson().Should().Contain("\"precisionAtK\"").And.Contain("\"combined\"").And.Contain("\"arc\"");
    }
}
