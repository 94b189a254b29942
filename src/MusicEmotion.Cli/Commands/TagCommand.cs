using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MusicEmotion.Cli.Output;
using MusicEmotion.Cli.Tagging;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer tag &lt;files or folders&gt; [--write] [--backup]</c>: mood tags in the files themselves (MOOD, arousal and
/// valence means, energy, BPM, INITIALKEY), for players and library managers. Without <c>--write</c> a dry run that
/// prints what it would write; with it, each file is written safely (<see cref="SafeTagWriter"/>), in parallel, with
/// progress. Files already tagged by the current model are skipped, so an interrupted run resumes.
/// </summary>
/// <remarks>Exit code 0 when no file was refused; otherwise the code of the refusals (2 bad input, 69 environment, 74 I/O).</remarks>
internal static class TagCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Audio files and folders (searched recursively for .mp3, .flac, .ogg, .oga, .opus, .m4a, .mp4).", Arity = ArgumentArity.OneOrMore };
        var writeOption = new Option<bool>("--write") { Description = "Write the tags (default: a dry run that prints what would be written)." };
        var backupOption = new Option<bool>("--backup") { Description = "Keep each original beside it as <file>.bak before replacing it." };
        var jobs = CommonOptions.Jobs("Files tagged");
        var model = ModelOptions.ModelPath();
        var card = ModelOptions.CardPath();
        var command = new Command("tag", "Write mood tags into audio files (MOOD, arousal, valence, energy, BPM, key) safely: verified copies, atomic replacement; a dry run without --write.")
        {
            inputs, writeOption, backupOption, jobs, model, card,
        };
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            int jobCount = CommonOptions.JobCount(parse, jobs);

            bool write = parse.GetValue(writeOption), backup = parse.GetValue(backupOption);
            if (backup && !write)
            {
                throw new CliInputException("--backup keeps the originals of files written: give it with --write");
            }

            (string[] files, string[] folders) = Expand(parse.GetValue(inputs)!);
            int swept = TemporaryTagFiles.Sweep(folders);
            if (swept > 0)
            {
                await error.WriteLineAsync($"removed {swept} temporary file(s) left by an interrupted run (their originals were never touched)").ConfigureAwait(false);
            }

            using EmotionAnalyzer emotion = ModelOptions.CreateAnalyzer(parse.GetValue(model), parse.GetValue(card), new EmotionAnalyzerOptions { Describe = false });
            var writer = new SafeTagWriter(new TrackAnalyzer(emotion), write, backup);
            var outcomes = new ConcurrentBag<TagOutcome>();
            var clock = Stopwatch.StartNew();
            await BatchProgressDisplay.RunAsync(error, files.Length, write ? "tagged" : "checked", async report =>
            {
                int done = 0, refused = 0;
                await Parallel.ForEachAsync(files.Select((f, i) => (f, i)), new ParallelOptions { MaxDegreeOfParallelism = jobCount, CancellationToken = cancellationToken },
                    async (item, token) =>
                    {
                        TagOutcome outcome;
                        try
                        {
                            outcome = await writer.TagAsync(item.i, item.f, token).ConfigureAwait(false);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException && ExitCodes.For(ex) != ExitCodes.InternalError)
                        {
                            outcome = new TagOutcome(item.i, item.f, TagOutcomeKind.Refused, Reason: ex.Message.ReplaceLineEndings(" ") + "; it was left untouched", Error: ex);
                        }

                        outcomes.Add(outcome);
                        report(Interlocked.Increment(ref done), outcome.Kind == TagOutcomeKind.Refused ? Interlocked.Increment(ref refused) : Volatile.Read(ref refused));
                    }).ConfigureAwait(false);
            }).ConfigureAwait(false);

            TagOutcome[] ordered = outcomes.OrderBy(o => o.Index).ToArray();
            foreach (TagOutcome outcome in ordered.Where(o => o.Kind != TagOutcomeKind.Refused))
            {
                await output.WriteLineAsync(Line(outcome, writer.Model)).ConfigureAwait(false);
            }

            var codes = new List<int>();
            foreach (TagOutcome refusal in ordered.Where(o => o.Kind == TagOutcomeKind.Refused))
            {
                await error.WriteLineAsync($"mer: refused: {refusal.Path}: {refusal.Reason}").ConfigureAwait(false);
                codes.Add(refusal.Error is { } cause ? ExitCodes.For(cause) : ExitCodes.InputError);
            }

            int Count(TagOutcomeKind kind) => ordered.Count(o => o.Kind == kind);
            await output.WriteLineAsync(write
                ? string.Create(C, $"tagged {Count(TagOutcomeKind.Tagged)}, already tagged {Count(TagOutcomeKind.AlreadyTagged)}, refused {codes.Count} in {clock.Elapsed.TotalSeconds:0.0} s")
                : $"dry run: {Count(TagOutcomeKind.WouldTag)} file(s) would be tagged, already tagged {Count(TagOutcomeKind.AlreadyTagged)}, refused {codes.Count}; nothing was written (add --write)")
                .ConfigureAwait(false);
            return codes.Count == 0 ? ExitCodes.Success : codes.Max();
        }));
        return command;
    }

    /// <summary>The files to tag (in order, without repeats) and the folders they lie in.</summary>
    internal static (string[] Files, string[] Folders) Expand(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        var folders = new List<string>();
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
            {
                string[] found = Directory.EnumerateFiles(input, "*", enumeration)
                    .Where(f => TagFields.MimeTypes.ContainsKey(Path.GetExtension(f)))
                    .Order(StringComparer.Ordinal)
                    .ToArray();
                files.AddRange(found);
                folders.Add(Path.GetFullPath(input));
                folders.AddRange(Directory.EnumerateDirectories(input, "*", enumeration).Select(Path.GetFullPath));
            }
            else if (File.Exists(input))
            {
                files.Add(input);
                folders.Add(Path.GetDirectoryName(Path.GetFullPath(input))!);
            }
            else
            {
                throw new CliInputException($"{input}: no such file or folder");
            }
        }

        if (files.Count == 0)
        {
            throw new CliInputException($"no audio files to tag ({string.Join(", ", TagFields.MimeTypes.Keys)}) in {string.Join(", ", inputs)}");
        }

        return (files.Distinct(StringComparer.Ordinal).ToArray(), folders.Distinct(StringComparer.Ordinal).ToArray());
    }

    private static string Line(TagOutcome outcome, string model) => outcome.Kind switch
    {
        TagOutcomeKind.AlreadyTagged => $"{outcome.Path}: already tagged by {model}; skipped",
        _ => $"{outcome.Path}: {(outcome.Kind == TagOutcomeKind.Tagged ? "wrote" : "would write")} "
            + (outcome.Tags!.HasMood ? "" : "no MOOD, arousal, valence, energy, BPM or key (no music detected: silence, a steady tone or noise has no mood), only ")
            + string.Join(" ", TagFields.Values(outcome.Tags).Where(v => v.Value is not null).Select(v => $"{v.Field}={v.Value}"))
            + (outcome.BackupPath is { } b ? $" (original kept as {b})" : ""),
    };
}
