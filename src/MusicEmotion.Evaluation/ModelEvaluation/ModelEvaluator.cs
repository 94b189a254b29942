using System.Collections.Concurrent;
using MusicEmotion.Audio;
using MusicEmotion.Evaluation.Datasets;
using MusicEmotion.Evaluation.Metrics;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;
using MusicEmotion.Inference.Models;

namespace MusicEmotion.Evaluation.ModelEvaluation;

/// <summary>
/// Scores an <see cref="IEmotionModel"/> on labelled folders exactly as a host would run it: every clip is decoded
/// and analysed by <see cref="EmotionAnalyzer"/> (the library's front door), clips in parallel. Clips
/// that cannot be decoded are skipped and listed, never aborting the evaluation.
/// </summary>
internal sealed class ModelEvaluator
{
    private readonly EmotionAnalyzer _analyzer;
    private readonly EmotionSmoothing _smoothing;
    private readonly int _parallelism;

    /// <summary>Creates an evaluator for <paramref name="model"/>, smoothing as its card says.</summary>
    /// <param name="model">The model (shared across threads).</param>
    /// <param name="parallelism">Clips analysed at once (default: processor count).</param>
    public ModelEvaluator(IEmotionModel model, int parallelism = 0)
        : this(model, EmotionSmoothing.Card, parallelism)
    {
    }

    /// <summary>Creates an evaluator for <paramref name="model"/> whose per-second values are smoothed as <paramref name="smoothing"/> says.</summary>
    /// <param name="model">The model (shared across threads).</param>
    /// <param name="smoothing">The temporal smoothing of the evaluated output.</param>
    /// <param name="parallelism">Clips analysed at once (default: processor count).</param>
    public ModelEvaluator(IEmotionModel model, EmotionSmoothing smoothing, int parallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(smoothing);
        _analyzer = new EmotionAnalyzer(model, options: new EmotionAnalyzerOptions { Smoothing = smoothing, Describe = false });
        _smoothing = smoothing;
        _parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;
    }

    /// <summary>Evaluates a 4Q-layout folder (optionally one split) and/or a dynamic-annotation folder.</summary>
    /// <exception cref="DatasetFormatException">A folder is malformed.</exception>
    public async Task<EvaluationReport> EvaluateAsync(string? fourQuadrantFolder, string? split, string? dynamicFolder,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<QuadrantClip> quadrantClips = fourQuadrantFolder is null ? [] : FourQuadrantDataset.Load(fourQuadrantFolder, split);
        IReadOnlyList<DynamicClip> dynamicClips = dynamicFolder is null ? [] : DynamicAnnotations.Load(dynamicFolder, withAudioOnly: true);
        var paths = quadrantClips.Select(c => ($"4q/{c.Id}", c.AudioPath))
            .Concat(dynamicClips.Select(c => ($"dynamic/{c.Id}", c.AudioPath!))).ToList();
        var timelines = new ConcurrentDictionary<string, EmotionTimeline>(StringComparer.Ordinal);
        var skipped = new ConcurrentBag<SkippedClip>();
        int done = 0;
        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                try
                {
                    timelines[item.Item1] = (await _analyzer.AnalyzeAsync(item.Item2, cancellationToken: token).ConfigureAwait(false)).Timeline;
                }
                catch (AudioException ex)
                {
                    skipped.Add(new SkippedClip(item.Item1, ex.Message));
                }

                progress?.Report(new EvaluationProgress(Interlocked.Increment(ref done), paths.Count));
            }).ConfigureAwait(false);

        return new EvaluationReport
        {
            Smoothing = _smoothing.ToString(),
            FourQuadrant = fourQuadrantFolder is null ? null : ScoreQuadrants(quadrantClips, split, timelines),
            PerSecond = dynamicFolder is null ? null : ScorePerSecond(dynamicClips, timelines),
            Skipped = skipped.OrderBy(s => s.Clip, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>Scores clip quadrants from the mean of each clip's per-second values.</summary>
    public static FourQuadrantReport? ScoreQuadrants(IReadOnlyList<QuadrantClip> clips, string? split, IReadOnlyDictionary<string, EmotionTimeline> timelines)
    {
        var actual = new List<int>();
        var predicted = new List<int>();
        int arousalRight = 0, valenceRight = 0;
        foreach (QuadrantClip clip in clips)
        {
            if (!timelines.TryGetValue($"4q/{clip.Id}", out EmotionTimeline? timeline) || timeline.Count == 0)
            {
                continue;
            }

            double arousal = timeline.Arousal.Average(v => (double)v);
            double valence = timeline.Valence.Average(v => (double)v);
            EmotionQuadrant quadrant = ArousalValence.QuadrantOf(arousal, valence);
            actual.Add((int)clip.Quadrant - 1);
            predicted.Add((int)quadrant - 1);
            arousalRight += quadrant.IsHighArousal() == clip.Quadrant.IsHighArousal() ? 1 : 0;
            valenceRight += quadrant.IsPositiveValence() == clip.Quadrant.IsPositiveValence() ? 1 : 0;
        }

        if (actual.Count == 0)
        {
            return null;
        }

        ClassificationMetrics metrics = ClassificationMetrics.Compute(actual, predicted, 4);
        return new FourQuadrantReport(split, actual.Count, metrics.Accuracy, metrics.MacroF1,
            (double)arousalRight / actual.Count, (double)valenceRight / actual.Count, metrics.ConfusionRows());
    }

    /// <summary>Scores per-second values against each annotated instant (the value of second floor(t)).</summary>
    public static PerSecondReport? ScorePerSecond(IReadOnlyList<DynamicClip> clips, IReadOnlyDictionary<string, EmotionTimeline> timelines)
    {
        var pa = new List<double>();
        var la = new List<double>();
        var pv = new List<double>();
        var lv = new List<double>();
        int scored = 0;
        foreach (DynamicClip clip in clips)
        {
            if (!timelines.TryGetValue($"dynamic/{clip.Id}", out EmotionTimeline? timeline))
            {
                continue;
            }

            scored++;
            foreach (EmotionAnnotation a in clip.Annotations)
            {
                int second = (int)Math.Floor(a.TimeSeconds);
                if (second < 0 || second >= timeline.Count)
                {
                    continue;
                }

                if (a.Arousal is { } arousal)
                {
                    pa.Add(timeline.Arousal[second]);
                    la.Add(arousal);
                }

                if (a.Valence is { } valence)
                {
                    pv.Add(timeline.Valence[second]);
                    lv.Add(valence);
                }
            }
        }

        if (la.Count == 0 || lv.Count == 0)
        {
            return null;
        }

        RegressionMetrics arousalMetrics = RegressionMetrics.Compute(pa.ToArray(), la.ToArray());
        RegressionMetrics valenceMetrics = RegressionMetrics.Compute(pv.ToArray(), lv.ToArray());
        return new PerSecondReport(scored, la.Count,
            new DimensionScores(arousalMetrics.Count, arousalMetrics.Rmse, arousalMetrics.Mae, arousalMetrics.Pearson),
            new DimensionScores(valenceMetrics.Count, valenceMetrics.Rmse, valenceMetrics.Mae, valenceMetrics.Pearson),
            new BaselineScores(new RmseOnly(RegressionMetrics.ConstantRmse(la.Average(), la.ToArray())),
                new RmseOnly(RegressionMetrics.ConstantRmse(lv.Average(), lv.ToArray()))));
    }
}
