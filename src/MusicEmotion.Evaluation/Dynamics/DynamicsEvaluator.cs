using System.Collections.Concurrent;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Evaluation.Datasets;
using MusicEmotion.Evaluation.ModelEvaluation;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Models;

namespace MusicEmotion.Evaluation.Dynamics;

/// <summary>
/// Measures whether the per-second arousal follows the music: every low-arousal clip of a 4Q-layout set is joined
/// to a high-arousal one and the other way round (<see cref="JoinPairing"/>), each join is decoded, concatenated
/// and analysed by the library's own inference path, and the arousal curve's step response at the join is measured
/// (<see cref="StepResponse"/>) with the chosen smoothing and without any. Joins run in parallel; a clip that cannot
/// be decoded is skipped and listed. Music detection is off: the joins are of labelled music, and what is measured is how
/// the model follows a change of level, quiet passages included, not whether a passage counts as music.
/// </summary>
internal sealed class DynamicsEvaluator
{
    private readonly IEmotionModel _model;
    private readonly EmotionAnalyzer _analyzer;
    private readonly int _parallelism;

    /// <summary>Creates an evaluator for <paramref name="model"/> (shared across threads).</summary>
    /// <param name="model">The model.</param>
    /// <param name="parallelism">Joins analysed at once (default: processor count).</param>
    public DynamicsEvaluator(IEmotionModel model, int parallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _analyzer = new EmotionAnalyzer(model, options: new EmotionAnalyzerOptions { Smoothing = EmotionSmoothing.None, Describe = false, DetectMusic = false });
        _parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;
    }

    /// <summary>Evaluates the joins of <paramref name="fourQuadrantFolder"/> (optionally one split) with <paramref name="smoothing"/>.</summary>
    /// <exception cref="DatasetFormatException">The folder is malformed, or it has no clip on one side of the arousal divide.</exception>
    public async Task<DynamicsReport> EvaluateAsync(string fourQuadrantFolder, string? split, EmotionSmoothing smoothing,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(smoothing);
        IReadOnlyList<QuadrantClip> clips = FourQuadrantDataset.Load(fourQuadrantFolder, split);
        IReadOnlyList<ClipJoin> joins = JoinPairing.Pair(clips);
        if (joins.Count == 0)
        {
            throw new DatasetFormatException(fourQuadrantFolder, $"needs clips of both high (Q1, Q2) and low (Q3, Q4) arousal{(split is null ? "" : $" in split '{split}'")} to join");
        }

        var results = new ConcurrentDictionary<int, JoinResult>();
        var skipped = new ConcurrentBag<SkippedClip>();
        int done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, joins.Count), new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                ClipJoin join = joins[i];
                string name = $"{join.First.Id}+{join.Second.Id}";
                try
                {
                    JoinResult? result = await MeasureAsync(join, smoothing, token).ConfigureAwait(false);
                    if (result is null)
                    {
                        skipped.Add(new SkippedClip(name, $"a clip is shorter than the plateau's {StepResponse.DefaultInnerMarginSeconds:0} seconds"));
                    }
                    else
                    {
                        results[i] = result;
                    }
                }
                catch (AudioException ex)
                {
                    skipped.Add(new SkippedClip(name, ex.Message));
                }

                progress?.Report(new EvaluationProgress(Interlocked.Increment(ref done), joins.Count));
            }).ConfigureAwait(false);

        JoinResult[] ordered = results.OrderBy(p => p.Key).Select(p => p.Value).ToArray();
        return new DynamicsReport
        {
            Split = split,
            Smoothing = smoothing.ToString(),
            Output = DynamicsSummary.Of(ordered.Select(r => r.Output).ToArray()),
            Unsmoothed = DynamicsSummary.Of(ordered.Select(r => r.Unsmoothed).ToArray()),
            Results = ordered,
            Skipped = skipped.OrderBy(s => s.Clip, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>Decodes, joins and analyses one pair; null when a side is too short for a plateau.</summary>
    private async Task<JoinResult?> MeasureAsync(ClipJoin join, EmotionSmoothing smoothing, CancellationToken cancellationToken)
    {
        int rate = _model.Card.Features.Settings.SampleRate;
        float[] first = Decode(join.First.AudioPath, rate, cancellationToken);
        float[] second = Decode(join.Second.AudioPath, rate, cancellationToken);
        float[] joined = new float[first.Length + second.Length];
        first.CopyTo(joined, 0);
        second.CopyTo(joined, first.Length);
        double joinSeconds = (double)first.Length / rate;

        // One model pass: the unsmoothed timeline, then the requested smoothing on top (equal to smoothing while streaming).
        string name = $"{join.First.Id}+{join.Second.Id}";
        EmotionTimeline raw = (await _analyzer.AnalyzeAsync(AudioInput.FromSamples(new ArraySampleSource(joined, rate), name), cancellationToken: cancellationToken)
            .ConfigureAwait(false)).Timeline;
        IReadOnlyList<float> smoothed = smoothing.Apply(raw, _model.Card).Arousal;
        StepResponse? output = StepResponse.Measure(smoothed, joinSeconds, join.Direction);
        StepResponse? unsmoothed = StepResponse.Measure(raw.Arousal, joinSeconds, join.Direction);
        return output is null || unsmoothed is null ? null : new JoinResult(join.First.Id, join.Second.Id, join.Direction, joinSeconds, output, unsmoothed);
    }

    private static float[] Decode(string path, int rate, CancellationToken cancellationToken)
    {
        using ISampleSource source = AudioLoader.Default.Open(path, cancellationToken).ToMonoAt(rate);
        return source.ReadAll();
    }
}
