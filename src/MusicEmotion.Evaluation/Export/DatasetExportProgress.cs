using MusicEmotion.Inference.Analysis;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Evaluation.Datasets;
using MusicEmotion.Features;
using MusicEmotion.Features.IO;
using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Evaluation.Export;

/// <summary>Progress of an export: clips done (exported or skipped) out of the total.</summary>
/// <param name="Done">Clips finished.</param>
/// <param name="Total">Clips in the export.</param>
/// <param name="CurrentClip">The clip just finished.</param>
internal readonly record struct DatasetExportProgress(int Done, int Total, string CurrentClip);
