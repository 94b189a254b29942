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

/// <summary>
/// Writes a training set for <c>training/train.py</c>: for every clip, the recipe's features computed by this
/// library's own extractor (the code path used at inference) as <c>features/&lt;set&gt;/&lt;id&gt;.npy</c>
/// (frames × features, float32), plus <c>index.csv</c> (set, id, split, artist, quadrant, sign labels, samples at the
/// recipe's rate, frames, features file, mood cluster and mood tags where the layout has them), <c>dynamic_labels.csv</c> (set, id, time, arousal, valence of dynamic
/// clips) and <c>recipe.json</c>. Several folders of one layout go into one export as named sets
/// (<see cref="DatasetExportRequest.Sets"/>). Clips that fail to decode are skipped and
/// listed; every file is written to a temporary name first, so an interrupted export leaves no half-written file.
/// </summary>
internal static class DatasetExporter
{
    private static readonly string[] AudioExtensions = [".mp3", ".wav", ".flac", ".ogg", ".opus", ".m4a", ".aac", ".aiff", ".aif", ".wma"];

    /// <summary>Runs the export.</summary>
    /// <exception cref="DatasetFormatException">A dataset folder is malformed.</exception>
    /// <exception cref="ArgumentException">No dataset was given.</exception>
    public static async Task<DatasetExportResult> ExportAsync(DatasetExportRequest request, IProgress<DatasetExportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<ExportSet> sets = request.AllSets();
        if (sets.Count == 0)
        {
            throw new ArgumentException("Give at least one dataset folder (4Q, dynamic or reference).", nameof(request));
        }

        List<ExportJob> jobs = CollectJobs(sets);
        string[] relativePaths = UniqueFeaturePaths(jobs);
        string output = Path.GetFullPath(request.OutputFolder);
        Directory.CreateDirectory(output);
        var rows = new ConcurrentDictionary<int, string>();
        var skipped = new ConcurrentBag<(string, string)>();
        int done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, jobs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.Parallelism), CancellationToken = cancellationToken },
            (i, token) =>
            {
                ExportJob job = jobs[i];
                string relative = relativePaths[i];
                try
                {
                    FeatureMatrix matrix = Extract(job.AudioPath, request.Recipe, out long samples, token);
                    string target = Path.Combine(output, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    NpyWriter.Write(target, matrix);
                    rows[i] = string.Join(',', Csv(job.Set), Csv(job.Id), Csv(job.Split), Csv(job.Artist), Csv(job.Quadrant),
                        job.ArousalSign.ToString(CultureInfo.InvariantCulture), job.ValenceSign.ToString(CultureInfo.InvariantCulture),
                        samples.ToString(CultureInfo.InvariantCulture), matrix.Frames.ToString(CultureInfo.InvariantCulture),
                        Csv(relative.Replace('\\', '/')), Csv(job.Cluster), Csv(string.Join(';', job.Moods)));
                }
                catch (Exception ex) when (ex is AudioException or IOException or InvalidDataException)
                {
                    skipped.Add(($"{job.Set}/{job.Id}", ex.Message));
                }

                progress?.Report(new DatasetExportProgress(Interlocked.Increment(ref done), jobs.Count, job.Id));
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);

        var index = new StringBuilder("set,id,split,artist,quadrant,arousal_sign,valence_sign,samples,frames,features,cluster,moods\n");
        foreach (int i in rows.Keys.Order())
        {
            index.Append(rows[i]).Append('\n');
        }

        string indexPath = Path.Combine(output, "index.csv");
        WriteAtomically(indexPath, index.ToString());
        WriteAtomically(Path.Combine(output, "dynamic_labels.csv"), DynamicLabels(jobs.Where((j, i) => j.Annotations is not null && rows.ContainsKey(i))));
        WriteAtomically(Path.Combine(output, "recipe.json"), RecipeJson(request.Recipe));
        return new DatasetExportResult(rows.Count, skipped.ToList(), indexPath);
    }

    /// <summary>Every clip of <paramref name="sets"/>, in export order (set by set, as each dataset lists them).</summary>
    /// <exception cref="DatasetFormatException">A dataset folder is malformed.</exception>
    internal static List<ExportJob> CollectJobs(IEnumerable<ExportSet> sets)
    {
        var jobs = new List<ExportJob>();
        foreach (ExportSet set in sets)
        {
            jobs.AddRange(set.Kind switch
            {
                ExportSetKind.FourQuadrant => FourQuadrantJobs(set),
                ExportSetKind.Dynamic => DynamicJobs(set),
                ExportSetKind.MoodClusters => MoodClusterJobs(set),
                _ => ReferenceJobs(set),
            });
        }

        return jobs;
    }

    private static IEnumerable<ExportJob> FourQuadrantJobs(ExportSet set) =>
        FourQuadrantDataset.Load(set.Folder).Select(clip => new ExportJob(set.Name, clip.Id, clip.AudioPath, clip.Split, clip.Artist, clip.Quadrant.ToString(),
            clip.Quadrant.IsHighArousal() ? 1 : -1, clip.Quadrant.IsPositiveValence() ? 1 : -1, null) { Moods = clip.Moods });

    private static IEnumerable<ExportJob> MoodClusterJobs(ExportSet set) =>
        MoodClusterDataset.Load(set.Folder).Select(clip => new ExportJob(set.Name, clip.Id, clip.AudioPath, "train", clip.Artist, string.Empty, 0, 0, null)
        {
            Cluster = clip.Cluster,
            Moods = [clip.Mood],
        });

    private static IEnumerable<ExportJob> DynamicJobs(ExportSet set) =>
        DynamicAnnotations.Load(set.Folder, withAudioOnly: true).Select(clip =>
            new ExportJob(set.Name, clip.Id, clip.AudioPath!, "dynamic", clip.Artist, string.Empty, 0, 0, clip.Annotations));

    private static List<ExportJob> ReferenceJobs(ExportSet set)
    {
        string root = DatasetPaths.RequireFolder(set.Folder);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => AudioExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(file => new ExportJob(set.Name, Path.ChangeExtension(Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '_'), null),
                file, "reference", string.Empty, string.Empty, 0, 0, null))
            .ToList();
    }

    /// <summary>Computes a clip's recipe features exactly as inference does (decode, mono, resample, stream).</summary>
    public static FeatureMatrix Extract(string audioPath, FeatureRecipe recipe, CancellationToken cancellationToken = default) =>
        Extract(audioPath, recipe, out _, cancellationToken);

    /// <summary>Computes a clip's recipe features and reports how many samples (at the recipe's rate) it had.</summary>
    public static FeatureMatrix Extract(string audioPath, FeatureRecipe recipe, out long samples, CancellationToken cancellationToken = default)
    {
        using ISampleSource source = AudioLoader.Default.Open(audioPath, cancellationToken).ToMonoAt(recipe.Settings.SampleRate);
        IFeatureStream stream = FeatureKindRegistry.BuiltIn.CreateStream(recipe.Kinds, recipe.Settings);
        FeatureRecipeLayout layout = FeatureRecipeLayout.Of(recipe, FeatureKindRegistry.BuiltIn);
        var sink = new Features.Extraction.FeatureMatrixSink(stream.Width, layout.ColumnNames, recipe.Settings.FrameRate);
        float[] buffer = new float[1 << 15];
        long total = 0;
        int n;
        while ((n = source.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stream.Push(buffer.AsSpan(0, n), sink);
            total += n;
        }

        stream.Complete(sink);
        samples = total;
        return sink.ToMatrix();
    }

    /// <summary>The recipe as JSON (the same shape as a model card's <c>features</c> block).</summary>
    public static string RecipeJson(FeatureRecipe recipe)
    {
        var card = new ModelCard { Name = "recipe", Features = recipe, Window = new WindowSpec { Seconds = 1 } };
        var node = System.Text.Json.Nodes.JsonNode.Parse(card.ToJson())!["features"]!;
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static string DynamicLabels(IEnumerable<ExportJob> jobs)
    {
        var text = new StringBuilder("set,id,time,arousal,valence\n");
        foreach (ExportJob job in jobs)
        {
            foreach (EmotionAnnotation a in job.Annotations!)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Csv(job.Set)},{Csv(job.Id)},{a.TimeSeconds:R},{a.Arousal?.ToString("R", CultureInfo.InvariantCulture)},{a.Valence?.ToString("R", CultureInfo.InvariantCulture)}\n");
            }
        }

        return text.ToString();
    }

    internal static void WriteAtomically(string path, string content)
    {
        string temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            File.WriteAllText(temporary, content, new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // Ids become file names; two ids that clean up to the same name ("a b", "a_b") get distinct suffixes.
    private static string[] UniqueFeaturePaths(List<ExportJob> jobs)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var paths = new string[jobs.Count];
        for (int i = 0; i < jobs.Count; i++)
        {
            string stem = Sanitize(jobs[i].Id);
            string name = stem;
            for (int n = 2; !used.Add(jobs[i].Set + "/" + name); n++)
            {
                name = $"{stem}-{n}";
            }

            paths[i] = Path.Combine("features", jobs[i].Set, name + ".npy");
        }

        return paths;
    }

    private static string Sanitize(string id)
    {
        var chars = id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        string s = new string(chars).Trim('.');
        return s.Length == 0 ? "clip" : s;
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>One clip to export: where it comes from, its audio and its labels.</summary>
    internal sealed record ExportJob(string Set, string Id, string AudioPath, string Split, string Artist, string Quadrant, int ArousalSign, int ValenceSign, IReadOnlyList<EmotionAnnotation>? Annotations)
    {
        public string Cluster { get; init; } = string.Empty;

        public IReadOnlyList<string> Moods { get; init; } = [];
    }
}
