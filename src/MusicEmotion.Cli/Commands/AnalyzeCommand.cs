using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MusicEmotion.Cli.Output;
using MusicEmotion.Plotting;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Analysis;
using MusicEmotion.Notes.Kinds;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer analyze &lt;audio|folder&gt;</c>, the main job: per-second arousal and valence of a song, its summary and a
/// description (table, JSON or CSV, optionally a PNG plot), or a whole folder analysed in parallel into JSON lines.
/// </summary>
/// <remarks>
/// Exit codes of a folder batch: 0 when at least one file was analysed (failed files are listed in the
/// <c>.jsonl</c> with <c>"ok": false</c>, on stderr and in the summary line); when every file failed (the <c>.jsonl</c>
/// is still written, for the record) the code of the failures (2 bad input, 69 the environment, 74 I/O); 70 whenever a
/// file hit a bug (its stack trace goes to a log file); 2 without any output file for bad input (no such folder, no
/// audio files, unwritable destination, bad model).
/// </remarks>
internal static class AnalyzeCommand
{
    /// <summary>File extensions a folder batch picks up (case-insensitive).</summary>
    public static readonly IReadOnlySet<string> AudioExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".mp3", ".wav", ".flac", ".ogg", ".opus", ".m4a", ".aac", ".aif", ".aiff", ".wma",
    };

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("input") { Description = "An audio file (any format ffmpeg reads), or a folder to analyse every audio file in it (recursively; needs --out)." };
        var format = new Option<string?>("--format")
        {
            Description = "Output of a single file: table (readable summary, default), json (per-second values, summary, description), csv (second,arousal,valence) "
                + "or spotify (Spotify's audio-features object: tempo, key, mode, loudness, energy, valence, duration_ms).",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv", "spotify");
        var plot = new Option<string?>("--plot") { Description = "Also draw the analysis to this PNG (1200×900): arousal/valence over time and the path through the valence–arousal plane." };
        var outPath = new Option<string?>("--out")
        {
            Description = "Folder input: the JSON-lines file to write (one line per file). File input: write the --format output here instead of stdout.",
        };
        var length = new Option<int>("--length")
        {
            Description = "Values per dimension of the fixed-length emotion vector in the JSON output (default 180).",
            DefaultValueFactory = _ => EmotionVector.DefaultLength,
        };
        var jobs = CommonOptions.Jobs("Folder input: files analysed");
        var noDescription = new Option<bool>("--no-description") { Description = "Skip the plain-language description." };
        var smoothing = ModelOptions.Smoothing();
        var notes = new Option<bool>("--notes")
        {
            Description = "Also show the key and mode of the notes beside the tempo and the chroma key (table and json). The default note-aware model "
                + "transcribes the notes during its analysis anyway; with --model audio they are transcribed separately (Basic Pitch; about 10 times the CPU of that analysis).",
        };
        var model = ModelOptions.ModelPath();
        var card = ModelOptions.CardPath();
        var command = new Command("analyze", "Analyse a song (or a folder of songs): per-second arousal and valence, statistics, quadrants, strongest moments and a description.")
        {
            input, format, plot, outPath, length, jobs, noDescription, smoothing, notes, model, card,
        };
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            string path = parse.GetValue(input)!;
            string? destination = parse.GetValue(outPath);
            string? plotPath = parse.GetValue(plot);
            string? formatName = parse.GetValue(format);
            int jobCount = parse.GetValue(jobs);
            bool withNotes = parse.GetValue(notes);
            if (withNotes && formatName is "csv" or "spotify")
            {
                throw new CliInputException($"--notes adds the key from notes to the table and json formats, not to {formatName}");
            }

            if (jobCount < 1)
            {
                throw new CliInputException($"--jobs must be at least 1 (got {jobCount})");
            }

            var options = new EmotionAnalyzerOptions
            {
                VectorLength = parse.GetValue(length),
                Describe = !parse.GetValue(noDescription),
                MaxConcurrency = jobCount,
                Smoothing = ModelOptions.ParseSmoothing(parse.GetValue(smoothing)),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new CliInputException(ex.Message);
            }
            bool isFolder = Directory.Exists(path);
            if (!isFolder && !File.Exists(path))
            {
                throw new CliInputException($"{path}: no such file or folder");
            }

            if (isFolder)
            {
                if (destination is null)
                {
                    throw new CliInputException($"{path} is a folder: give --out results.jsonl for the JSON lines");
                }

                if (formatName is not null || plotPath is not null)
                {
                    throw new CliInputException("--format and --plot apply to a single file; a folder is written as JSON lines to --out");
                }

                if (withNotes)
                {
                    throw new CliInputException("--notes applies to a single file (a second transcription per song would slow a folder about 10 times with --model audio); a folder is written as JSON lines to --out");
                }

                OutputPaths.EnsureWritable(destination);
                string[] files = FindAudio(path);
                using EmotionAnalyzer folderAnalyzer = ModelOptions.CreateAnalyzer(parse.GetValue(model), parse.GetValue(card), options);
                return await RunBatchAsync(folderAnalyzer, files, destination, output, error, cancellationToken).ConfigureAwait(false);
            }

            if (destination is not null)
            {
                OutputPaths.EnsureWritable(destination);
            }

            if (plotPath is not null)
            {
                OutputPaths.EnsureWritable(plotPath);
            }

            using EmotionAnalyzer analyzer = ModelOptions.CreateAnalyzer(parse.GetValue(model), parse.GetValue(card), options);
            EmotionAnalysis analysis;
            AudioFeatures? features = null;
            KeyTempoReport? keys = null;
            if (withNotes)
            {
                // One pass gives the timeline and the descriptors (tempo, chroma key) and, when the model reads note kinds (the
                // default note-aware model does), the notes' key from the transcription the analysis made for them. A model
                // that reads no note kind (--model audio) leaves nothing captured: the notes are transcribed here.
                TrackAnalysis track;
                NoteFeatures? notesFeatures;
                using (NoteFeatureCapture capture = NoteFeatureCapture.Begin())
                {
                    track = await new TrackAnalyzer(analyzer).AnalyzeAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
                    notesFeatures = capture.Features;
                }

                analysis = track.Emotion;
                if (notesFeatures is null)
                {
                    using var transcriber = new NoteTranscriber();
                    NoteTranscription transcription = await transcriber.TranscribeAsync(path, cancellationToken).ConfigureAwait(false);
                    notesFeatures = NoteFeatureAnalyzer.Analyze(transcription);
                }

                keys = KeyTempoReport.From(track.Track.Descriptors, notesFeatures.Track.Key);
            }
            else if (formatName == "spotify")
            {
                // One pass gives the timeline and the descriptors that tempo, key and loudness come from.
                TrackAnalysis track = await new TrackAnalyzer(analyzer).AnalyzeAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
                analysis = track.Emotion;
                features = AudioFeatures.From(track.Track);
            }
            else
            {
                analysis = await analyzer.AnalyzeAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            string text = (formatName ?? "table") switch
            {
                "spotify" => features!.ToJson(indented: true),
                "json" => AnalysisJson.Format(analysis, path, keys),
                "csv" => analysis.Timeline.ToCsv(),
                _ => AnalysisText.Table(analysis, path, keys),
            };
            if (plotPath is not null)
            {
                await Task.Run(() => OutputPaths.WriteAtomically(plotPath, EmotionPlot.RenderPng(analysis, $"{Path.GetFileName(path)} — {analysis.ModelName}")), cancellationToken)
                    .ConfigureAwait(false);
            }

            await OutputPaths.WriteResultAsync(text, destination, plotPath, output, error).ConfigureAwait(false);

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Every audio file under <paramref name="folder"/> (recursive, by extension), in ordinal order.</summary>
    /// <exception cref="CliInputException">There is none.</exception>
    internal static string[] FindAudio(string folder)
    {
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        string[] files = Directory.EnumerateFiles(folder, "*", enumeration)
            .Where(f => AudioExtensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            throw new CliInputException($"{folder}: no audio files ({string.Join(", ", AudioExtensions.Order().Select(e => e[1..]))}) in this folder or below");
        }

        return files;
    }

    private static async Task<int> RunBatchAsync(EmotionAnalyzer analyzer, string[] files, string destination, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<EmotionBatchItem>();
        int analysed = 0;
        string temporary = OutputPaths.TemporaryPathFor(destination);
        try
        {
            await using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
            {
                // The items arrive as the files finish: they are the progress.
                async Task Consume(Action<int, int> report)
                {
                    await foreach (EmotionBatchItem item in analyzer.AnalyzeManyAsync(files.Select(AudioInput.FromFile), cancellationToken: cancellationToken).ConfigureAwait(false))
                    {
                        if (item.Analysis is { } analysis)
                        {
                            analysed++;
                            await writer.WriteLineAsync(AnalysisJson.SuccessLine(analysis, item.Source)).ConfigureAwait(false);
                        }
                        else
                        {
                            failures.Add(item);
                            await writer.WriteLineAsync(AnalysisJson.FailureLine(item.Source, item.Error?.Message ?? "unknown error", item.Error?.GetType().Name)).ConfigureAwait(false);
                        }

                        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                        report(analysed + failures.Count, failures.Count);
                    }
                }

                await BatchProgressDisplay.RunAsync(error, files.Length, "analysed", Consume).ConfigureAwait(false);
            }

            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        clock.Stop();
        var codes = new List<int>();
        foreach (EmotionBatchItem failure in failures.OrderBy(f => f.Index))
        {
            Exception cause = failure.Error ?? new InvalidOperationException("the analysis failed without an error");
            codes.Add(await CommandFailure.ReportAsync(error, cause, failure.Source, verb: "failed").ConfigureAwait(false));
        }

        double seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
        await output.WriteLineAsync(string.Create(C,
            $"analysed {analysed}, failed {failures.Count} in {seconds:0.0} s ({files.Length / seconds:0.00} songs/s); wrote {destination}")).ConfigureAwait(false);
        // A bug fails the batch whatever else happened; otherwise one analysed file is success, and a batch where every
        // file failed says why (the environment before bad input).
        return codes.Contains(ExitCodes.InternalError) ? ExitCodes.InternalError
            : analysed > 0 ? ExitCodes.Success
            : codes.Count > 0 ? codes.Max()
            : ExitCodes.InputError;
    }
}
