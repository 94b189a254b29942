using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using MusicEmotion.Audio;
using MusicEmotion.Evaluation.Csv;
using MusicEmotion.Features.IO;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Analysis;

namespace MusicEmotion.Evaluation.Export;

/// <summary>
/// Adds per-second note features to an export of <see cref="DatasetExporter"/>: for every clip its
/// <c>index.csv</c> lists, transcribes the clip's audio (Basic Pitch, MusicEmotion.Notes), derives the note features
/// (<see cref="NoteFeatureAnalyzer"/>) and writes <c>notes/&lt;set&gt;/&lt;id&gt;.npy</c> beside the clip's
/// <c>features/&lt;set&gt;/&lt;id&gt;.npy</c>: one row per started second of audio (second i = [i, i+1) s), float32,
/// columns as <c>notes/columns.json</c> lists them. Resumable: clips whose file exists are not done again, every file is
/// written under a temporary name first, and a second run with other kinds is refused rather than mixing columns.
/// </summary>
internal static class DatasetNotesExporter
{
    /// <summary>The folder of the note files inside an export.</summary>
    public const string NotesFolder = "notes";

    /// <summary>
    /// The version of the definitions behind the values (raised whenever a column's definition changes), written to
    /// columns.json: a resumed export never mixes files of two versions.
    /// </summary>
    public const int DefinitionsVersion = 1;

    /// <summary>Runs the note export.</summary>
    /// <exception cref="DatasetFormatException">A dataset folder or the export's index is malformed.</exception>
    /// <exception cref="ArgumentException">No dataset, unknown kinds, or an export made with other kinds.</exception>
    /// <param name="request">What to do.</param>
    /// <param name="progress">Receives a report after every clip.</param>
    /// <param name="plan">Told, before any transcription starts, how many clips are to do, already done, and how many of the index's clips no dataset folder gave (wrong folders or set names).</param>
    /// <param name="cancellationToken">Stops the export (finished clips stay).</param>
    public static async Task<DatasetNotesResult> ExportAsync(DatasetNotesRequest request, IProgress<DatasetExportProgress>? progress = null,
        Action<DatasetNotesPlan>? plan = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Sets.Count == 0)
        {
            throw new ArgumentException("Give the dataset folders the export was made from.", nameof(request));
        }

        string[] kinds = [.. request.Kinds.Select(k => k.Trim())];
        if (kinds.Length == 0 || kinds.Any(k => !NoteFeatureColumns.IsKind(k)) || kinds.Distinct(StringComparer.OrdinalIgnoreCase).Count() != kinds.Length)
        {
            throw new ArgumentException($"Note feature kinds are {string.Join(", ", NoteFeatureColumns.Kinds)}, each at most once (got {string.Join(", ", kinds)}).", nameof(request));
        }

        kinds = [.. kinds.Select(k => NoteFeatureColumns.Kinds.First(n => n.Equals(k, StringComparison.OrdinalIgnoreCase)))];
        string output = Path.GetFullPath(request.ExportFolder);
        Dictionary<(string Set, string Id), string> features = ReadIndex(Path.Combine(output, "index.csv"));
        string notesRoot = Path.Combine(output, NotesFolder);
        Directory.CreateDirectory(notesRoot);
        WriteOrCheckColumns(Path.Combine(notesRoot, "columns.json"), kinds);

        var todo = new List<(DatasetExporter.ExportJob Job, string Target)>();
        int existing = 0, missing = 0;
        var matched = new HashSet<(string, string)>();
        foreach (DatasetExporter.ExportJob job in DatasetExporter.CollectJobs(request.Sets))
        {
            if (!features.TryGetValue((job.Set, job.Id), out string? featurePath))
            {
                missing++; // not in the export (skipped there, or another selection): nothing to align with
                continue;
            }

            matched.Add((job.Set, job.Id));
            string relative = NotesPathOf(featurePath);
            string target = Path.Combine(output, relative);
            if (File.Exists(target))
            {
                existing++;
                continue;
            }

            todo.Add((job, target));
        }

        int unmatched = features.Keys.Count(k => !matched.Contains(k));
        plan?.Invoke(new DatasetNotesPlan(todo.Count, existing, unmatched));
        var skipped = new ConcurrentBag<(string, string)>();
        int done = 0, written = 0;
        using var transcriber = new NoteTranscriber(new NoteTranscriptionOptions { IncludePitchBends = true });
        await Parallel.ForEachAsync(todo,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.Parallelism), CancellationToken = cancellationToken },
            async (item, token) =>
            {
                try
                {
                    NoteTranscription transcription = await transcriber.TranscribeAsync(item.Job.AudioPath, token).ConfigureAwait(false);
                    NoteFeatures noteFeatures = NoteFeatureAnalyzer.Analyze(transcription);
                    float[] matrix = NoteFeatureColumns.ToMatrix(noteFeatures, kinds);
                    int width = NoteFeatureColumns.NamesOf(kinds).Count;
                    WriteNpyAtomically(item.Target, matrix, noteFeatures.Seconds.Count, width);
                    Interlocked.Increment(ref written);
                }
                catch (Exception ex) when (ex is AudioException or IOException or InvalidDataException or NoteTranscriptionException)
                {
                    skipped.Add(($"{item.Job.Set}/{item.Job.Id}", ex.Message));
                }

                progress?.Report(new DatasetExportProgress(Interlocked.Increment(ref done), todo.Count, item.Job.Id));
            }).ConfigureAwait(false);

        return new DatasetNotesResult(written, existing, missing, unmatched, [.. skipped], notesRoot);
    }

    /// <summary>Where the note file of a clip whose features file is <paramref name="featuresPath"/> (relative, as index.csv gives it) goes.</summary>
    public static string NotesPathOf(string featuresPath)
    {
        string normal = featuresPath.Replace('\\', '/');
        const string prefix = "features/";
        string inside = normal.StartsWith(prefix, StringComparison.Ordinal) ? normal[prefix.Length..] : normal;
        if (inside.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(inside))
        {
            throw new InvalidDataException($"index.csv names a features file outside the export: '{featuresPath}'.");
        }

        return Path.Combine(NotesFolder, inside.Replace('/', Path.DirectorySeparatorChar));
    }

    private static Dictionary<(string, string), string> ReadIndex(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetFormatException(path, "is missing: run `mer dataset export` into this folder first");
        }

        CsvTable table = CsvTable.Read(path);
        int set = table.Require("set"), id = table.Require("id"), features = table.Require("features");
        var map = new Dictionary<(string, string), string>();
        foreach (CsvRow row in table.Rows)
        {
            map[(row[set], row[id])] = row[features];
        }

        return map;
    }

    private static void WriteOrCheckColumns(string path, string[] kinds)
    {
        IReadOnlyList<string> names = NoteFeatureColumns.NamesOf(kinds);
        var json = new JsonObject
        {
            ["version"] = DefinitionsVersion,
            ["kinds"] = new JsonArray([.. kinds.Select(k => (JsonNode)k)]),
            ["columns"] = new JsonArray([.. names.Select(n => (JsonNode)n)]),
            ["rows"] = "one per started second of audio: row i holds second [i, i+1)",
        };
        string text = json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (File.Exists(path))
        {
            JsonNode? previous = JsonNode.Parse(File.ReadAllText(path));
            string[] before = [.. (previous?["columns"]?.AsArray() ?? []).Select(n => n?.GetValue<string>() ?? string.Empty)];
            int version = previous?["version"]?.GetValue<int>() ?? 0;
            if (!before.SequenceEqual(names) || version != DefinitionsVersion)
            {
                throw new ArgumentException($"{path} lists other columns or definitions (version {version}, columns {string.Join(", ", before)}; this build writes version {DefinitionsVersion}): this export's notes were made with other kinds or by another version; delete its notes folder to redo them.");
            }

            return;
        }

        DatasetExporter.WriteAtomically(path, text);
    }

    private static void WriteNpyAtomically(string target, float[] matrix, int rows, int columns)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string temporary = target + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                NpyWriter.Write(stream, matrix, rows, columns);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

/// <summary>What <c>mer dataset notes</c> should do.</summary>
internal sealed record DatasetNotesRequest
{
    /// <summary>The export folder (written by <c>mer dataset export</c>; its index.csv says which clips to do).</summary>
    public required string ExportFolder { get; init; }

    /// <summary>The dataset folders the export was made from (same set names).</summary>
    public required IReadOnlyList<ExportSet> Sets { get; init; }

    /// <summary>The note feature kinds to write, in column order.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = NoteFeatureColumns.Kinds;

    /// <summary>Clips transcribed at once.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>What a note export did.</summary>
/// <param name="Written">Clips transcribed and written now.</param>
/// <param name="AlreadyDone">Clips whose note file was already there (an earlier run).</param>
/// <param name="NotInExport">Clips of the datasets that the export's index does not list.</param>
/// <param name="IndexClipsWithoutAudio">Clips of the export's index that none of the dataset folders given holds (so they have no note file).</param>
/// <param name="Skipped">Clips that failed, with the reason.</param>
/// <param name="NotesFolder">The folder the note files are in.</param>
internal sealed record DatasetNotesResult(int Written, int AlreadyDone, int NotInExport, int IndexClipsWithoutAudio, IReadOnlyList<(string Clip, string Reason)> Skipped, string NotesFolder);

/// <summary>What a note export is about to do.</summary>
/// <param name="ToDo">Clips to transcribe.</param>
/// <param name="AlreadyDone">Clips whose note file is there already.</param>
/// <param name="IndexClipsWithoutAudio">Clips of the export's index that none of the dataset folders given holds.</param>
internal sealed record DatasetNotesPlan(int ToDo, int AlreadyDone, int IndexClipsWithoutAudio);
