using System.CommandLine;
using System.Globalization;
using MusicEmotion.Inference.Models;
using MusicEmotion.Recommend.PostgreSql;
using MusicEmotion.Recommend.PostgreSql.Jobs;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer catalog enqueue &lt;files, folders or list files&gt; --postgres "&lt;connection string&gt;"</c>: records one
/// analysis job per audio file in the shared catalog's queue, for <c>mer worker</c> processes on any machine to drain.
/// </summary>
/// <remarks>
/// A list file (<c>.txt</c>, <c>.lst</c>, <c>.m3u</c>, <c>.m3u8</c>) names one file or folder per line (blank lines and
/// lines starting with <c>#</c> are skipped; relative paths are relative to the list). Paths are stored absolute: every
/// worker must see the files under the same paths (shared storage). Files already queued or done are left alone, except
/// done files whose stored track another model than --model made (e.g. an earlier shipped model), or that model before
/// its melody block existed (a row without the block when the model gives one), which are queued again
/// for re-analysis (the worker replaces the row once the new analysis is complete); files set aside after failing are
/// queued again. Nothing is queued when an input is missing.
/// </remarks>
internal static class CatalogEnqueueCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly HashSet<string> ListExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".lst", ".m3u", ".m3u8" };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Audio files, folders (searched recursively) and list files (.txt, .lst, .m3u, .m3u8: one path per line).", Arity = ArgumentArity.OneOrMore };
        var catalogOptions = CatalogOptions.PostgresOnly();
        var attempts = new Option<int>("--max-attempts") { Description = "Attempts per file before it is set aside with its error (1–100, default 3).", DefaultValueFactory = _ => 3 };
        var model = ModelOptions.ModelPath();
        model.Description = "The model the workers run (as their --model; default: the shipped note-aware model): a file done whose track another model made, or this one without its melody block, is queued again to be re-analysed. "
            + "notes, audio, or your own ONNX file (needs --card).";
        var card = ModelOptions.CardPath();
        var command = new Command("enqueue", "Queue audio files for analysis by `mer worker` processes sharing a PostgreSQL catalog (and files whose track another model made, for re-analysis).")
        {
            inputs, attempts, model, card,
        };
        catalogOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            int maxAttempts = CommonOptions.Between(parse, attempts, 1, 100);

            string[] files = Expand(parse.GetValue(inputs)!);
            CurrentAnalysis current = WorkersModel(parse.GetValue(model), parse.GetValue(card));
            await using PostgresTrackCatalog catalog = await catalogOptions.OpenPostgresAsync(parse, cancellationToken).ConfigureAwait(false);
            var queue = new AnalysisJobQueue(catalog);
            EnqueueResult result = await queue.EnqueueForModelAsync(files, current, maxAttempts, cancellationToken).ConfigureAwait(false);
            AnalysisQueueStatus status = await queue.GetStatusAsync(0, cancellationToken).ConfigureAwait(false);
            string reanalysis = result.Reanalysis > 0
                ? $"{result.Reanalysis} for re-analysis (their tracks were made by another model than {current.ModelName} {current.ModelVersion}{(current.GivesMelody ? " or without its melody block" : "")}), "
                : "";
            await output.WriteLineAsync(string.Create(C,
                $"queued {result.Queued} new, {result.Requeued} again after failing, {reanalysis}{result.AlreadyKnown} already queued or done; {CatalogStatusCommand.Summary(status)}"))
                .ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>What the workers running the model --model/--card name make (the model, loaded with the workers' feature kinds and let go).</summary>
    private static CurrentAnalysis WorkersModel(string? modelPath, string? cardPath)
    {
        using IEmotionModel emotionModel = ModelOptions.Load(modelPath, cardPath);
        return CurrentAnalysis.Of(emotionModel);
    }

    /// <summary>The audio files the inputs name, as absolute paths, without repeats.</summary>
    internal static string[] Expand(IEnumerable<string> inputs)
    {
        var paths = new List<string>();
        foreach (string input in inputs)
        {
            if (File.Exists(input) && ListExtensions.Contains(Path.GetExtension(input)))
            {
                string folder = Path.GetDirectoryName(Path.GetFullPath(input))!;
                paths.AddRange(File.ReadLines(input).Select(line => line.Trim()).Where(entry => entry.Length > 0 && !entry.StartsWith('#'))
                    .Select(entry => Path.GetFullPath(entry, folder)));
            }
            else
            {
                paths.Add(Path.GetFullPath(input));
            }
        }

        var missing = new List<string>();
        string[] files = AudioInputs.Expand(paths, missing);
        if (missing.Count > 0)
        {
            throw new CliInputException($"{missing.Count} input(s) do not exist, nothing was queued: {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", ..." : "")}");
        }

        return files;
    }
}
