using MusicEmotion.Inference.Analysis;
using System.Collections.Concurrent;
using MusicEmotion.Audio;
using MusicEmotion.Evaluation.Datasets;
using MusicEmotion.Evaluation.Metrics;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Models;

namespace MusicEmotion.Evaluation.ModelEvaluation;

/// <summary>Progress of an evaluation.</summary>
/// <param name="Done">Clips analysed (or skipped).</param>
/// <param name="Total">Clips to analyse.</param>
internal readonly record struct EvaluationProgress(int Done, int Total);
