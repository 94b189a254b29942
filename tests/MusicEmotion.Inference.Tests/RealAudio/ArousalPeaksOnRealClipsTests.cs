using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Inference.Tests.RealAudio;

/// <summary>
/// Arousal peaks of the shipped model on real 4Q val clips (never trained on, and not used to choose the default
/// prominence, which was read from train clips): a calm clip whose curve barely moves has no peaks, and every peak of
/// a clip that moves stands out by the default prominence. Needs ../shared/data.
/// </summary>
public sealed class ArousalPeaksOnRealClipsTests
{
    [SkippableFact]
    public async Task A_calm_clip_whose_arousal_barely_moves_has_no_peaks()
    {
        string path = SharedData.Require("4q", "audio/Q4/MT0000202045.mp3"); // 4Q Q4 (calm, content), val split
        using var analyzer = EmotionAnalyzer.CreateDefault(new EmotionAnalyzerOptions { Describe = false });

        EmotionAnalysis analysis = await analyzer.AnalyzeAsync(path);

        float[] arousal = analysis.Timeline.MusicSeconds.Select(s => analysis.Timeline.Arousal[s]).ToArray();
        (arousal.Max() - arousal.Min()).Should().BeLessThan(
            (float)SummaryOptions.Default.MinimumPeakProminence, "the clip is calm and steady: no second can rise 0.1 above the others");
        analysis.Summary.ArousalPeaks.Should().BeEmpty();
        EmotionSummary.From(analysis.Timeline, new SummaryOptions { MinimumPeakProminence = 0 }).ArousalPeaks
            .Should().NotBeEmpty("its wobble has local maxima: the prominence rule is what leaves them out");
    }

    [SkippableTheory]
    [InlineData("audio/Q3/MT0003930610.mp3")] // 4Q Q3, val split
    [InlineData("audio/Q4/MT0002124238.mp3")] // 4Q Q4, val split
    [InlineData("audio/Q1/MT0001605268.mp3")] // 4Q Q1, val split
    public async Task Every_peak_of_a_real_clip_rises_the_prominence_above_a_dip_before_any_higher_second(string clip)
    {
        string path = SharedData.Require("4q", clip);
        using var analyzer = EmotionAnalyzer.CreateDefault(new EmotionAnalyzerOptions { Describe = false });

        EmotionAnalysis analysis = await analyzer.AnalyzeAsync(path);

        IReadOnlyList<float> a = analysis.Timeline.Arousal;
        double prominence = SummaryOptions.Default.MinimumPeakProminence;
        foreach (EmotionMoment peak in analysis.Summary.ArousalPeaks)
        {
            bool DipsOnSide(int step)
            {
                for (int i = peak.Second + step; i >= 0 && i < a.Count && analysis.Timeline.IsMusic(i) && a[i] <= peak.Arousal; i += step)
                {
                    if (a[i] <= peak.Arousal - prominence)
                    {
                        return true;
                    }
                }

                return false;
            }

            (DipsOnSide(-1) || DipsOnSide(+1)).Should().BeTrue($"the peak at {peak.Second} s must stand {prominence} above a dip on one side at least");
        }

        var all = new SummaryOptions { PeakCount = 100, PeakSeparationSeconds = 1 };
        EmotionSummary.From(analysis.Timeline, all with { MinimumPeakProminence = 0 }).ArousalPeaks.Count
            .Should().BeGreaterThan(EmotionSummary.From(analysis.Timeline, all).ArousalPeaks.Count, "the clip's small wobbles are local maxima the rule drops");
    }
}
