using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MusicEmotion.Cli.Output;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer catalog add &lt;files or folders&gt; --db catalog.db</c>: analyses audio files into a catalog, in parallel, with
/// progress; files already in the catalog are skipped without decoding (so an interrupted run resumes) unless another
/// model made their row, which is then re-analysed with the current one and replaced; files that
/// cannot be decoded are listed at the end and never stop the run.
/// </summary>
/// <remarks>Exit code 0 unless every file failed (2) or the input is bad (2, nothing done).</remarks>
internal static class CatalogAddCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Audio files and folders (searched recursively for audio files).", Arity = ArgumentArity.OneOrMore };
        var catalogOptions = CatalogOptions.Either();
        var jobs = CommonOptions.Jobs("Files analysed");
        var model = ModelOptions.ModelPath();
        var card = ModelOptions.CardPath();
        var command = new Command("add", "Analyse audio files into the catalog (per-second emotion, descriptors, vectors); files already there are skipped (re-analysed when another model made their row).")
        {
            inputs, jobs, model, card,
        };
        catalogOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            int jobCount = CommonOptions.JobCount(parse, jobs);

            string[] files = AudioInputs.Expand(parse.GetValue(inputs)!);
            using ITrackCatalog catalog = await catalogOptions.OpenAsync(parse, mustExist: false, cancellationToken).ConfigureAwait(false);
            using EmotionAnalyzer emotion = ModelOptions.CreateAnalyzer(parse.GetValue(model), parse.GetValue(card), new EmotionAnalyzerOptions { MaxConcurrency = jobCount });
            var importer = new TrackImporter(new TrackAnalyzer(emotion), catalog);
            var failures = new List<TrackImportResult>();
            int added = 0, reanalysed = 0, present = 0;
            var clock = Stopwatch.StartNew();
            await BatchProgressDisplay.RunAsync(error, files.Length, "catalogued", async report =>
            {
                var progress = new SynchronousProgress<TrackImportProgress>(p => report(p.Completed, p.Failed));
                await foreach (TrackImportResult result in importer.ImportManyAsync(files, jobCount, progress, cancellationToken).ConfigureAwait(false))
                {
                    switch (result.Status)
                    {
                        case TrackImportStatus.Added: added++; break;
                        case TrackImportStatus.Reanalysed: reanalysed++; break;
                        case TrackImportStatus.AlreadyPresent: present++; break;
                        default: failures.Add(result); break;
                    }
                }
            }).ConfigureAwait(false);

            foreach (TrackImportResult failure in failures.OrderBy(f => f.Index))
            {
                string message = (failure.Error ?? "unknown error").ReplaceLineEndings(" ");
                await error.WriteLineAsync(message.Contains(failure.Path, StringComparison.Ordinal) ? $"mer: failed: {message}" : $"mer: failed: {failure.Path}: {message}")
                    .ConfigureAwait(false);
            }

            int total = await catalog.CountAsync(cancellationToken).ConfigureAwait(false);
            double seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
            await output.WriteLineAsync(string.Create(C,
                $"added {added}, {(reanalysed > 0 ? $"re-analysed {reanalysed} (their rows were made by another model), " : "")}already in the catalog {present}, failed {failures.Count} in {seconds:0.0} s ({(added + reanalysed + failures.Count) / seconds:0.00} songs/s); {catalog.Name} holds {total} tracks"))
                .ConfigureAwait(false);
            return failures.Count == files.Length ? ExitCodes.InputError : ExitCodes.Success;
        }));
        return command;
    }
}
