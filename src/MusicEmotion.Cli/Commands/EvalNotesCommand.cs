using System.CommandLine;
using System.Globalization;
using MusicEmotion.Cli.Output;
using MusicEmotion.Evaluation.Transcription;
using MusicEmotion.Notes;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer eval notes --midi &lt;folder&gt;</c>: renders each MIDI file with FluidSynth exactly as ../shared/data/README.md
/// says, transcribes it and reports mir_eval's note-level precision, recall and F1 (50 ms onsets, exact pitch), with and
/// without offsets.
/// </summary>
internal static class EvalNotesCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var midi = new Option<string>("--midi")
        {
            Description = "A folder of MIDI files (recursive), or with --split a dataset folder (or its MIDI folder) whose labels.csv/clips.csv has midi and split columns (EMOPIA, VGMIDI).",
            Required = true,
        };
        var split = new Option<string?>("--split") { Description = "Score only the MIDI files of this split of the dataset's index (e.g. val)." };
        var renders = new Option<string?>("--renders") { Description = "Keep the rendered WAV files in this folder and reuse those already there (default: a temporary folder, deleted)." };
        var soundFont = new Option<string?>("--soundfont") { Description = $"The soundfont (default {MidiRenderer.DefaultSoundFont}, Debian's fluid-soundfont-gm)." };
        var noPedal = new Option<bool>("--no-pedal") { Description = "Reference offsets at the MIDI's note-off events, ignoring the sustain pedal (default: offsets as the rendering sounds them, after the pedal)." };
        var json = CommonOptions.Json("the report (with every file's scores)");
        var jobs = CommonOptions.Jobs("Files rendered and transcribed");
        var command = new Command("notes",
            "Evaluate the note transcription on MIDI: render with FluidSynth (22,050 Hz, gain 0.6, FluidR3_GM), transcribe, and report note precision/recall/F1 (onsets within 50 ms, exact pitch), with and without offsets (max(50 ms, 20 % of the note)).")
        {
            midi, split, renders, soundFont, noPedal, json, jobs,
        };
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            int jobCount = CommonOptions.JobCount(parse, jobs);

            string? jsonPath = CommonOptions.JsonPath(parse, json);

            string? renderFolder = parse.GetValue(renders);
            if (renderFolder is not null && !Directory.Exists(renderFolder))
            {
                throw new CliInputException($"{renderFolder}: no such folder (--renders)");
            }

            var renderer = new MidiRenderer(parse.GetValue(soundFont));
            using var transcriber = new NoteTranscriber();
            NoteEvaluationReport report = await new NoteTranscriptionEvaluator(transcriber, renderer, jobCount, sustainPedal: !parse.GetValue(noPedal))
                .EvaluateAsync(parse.GetValue(midi)!, parse.GetValue(split), renderFolder, EvaluationOutput.Progress(error, "transcribed"), cancellationToken)
                .ConfigureAwait(false);
            await EvaluationOutput.WriteAsync(output, error, FormatTable(report), report.Skipped, jsonPath, report.ToJson).ConfigureAwait(false);
            return report.Clips > 0 ? ExitCodes.Success : ExitCodes.InputError;
        }));
        return command;
    }

    internal static string FormatTable(NoteEvaluationReport report)
    {
        var c = CultureInfo.InvariantCulture;
        string Row(string name, NoteScoreSummary s) => string.Create(c,
            $"  {name,-22} {s.MeanPrecision,9:0.000} {s.MeanRecall,7:0.000} {s.MeanF1,7:0.000} {s.MedianF1,7:0.000}   {s.Pooled.Precision,9:0.000} {s.Pooled.Recall,7:0.000} {s.Pooled.F1,7:0.000}");
        var lines = new List<string>
        {
            string.Create(c, $"notes: {report.Folder}{(report.Split is null ? "" : $" (split {report.Split})")}: {report.Clips} files, {report.AudioSeconds / 60:0.0} min rendered"),
            string.Create(c, $"  onsets within {report.OnsetToleranceSeconds * 1000:0} ms, exact pitch; offsets within max({report.OffsetMinToleranceSeconds * 1000:0} ms, {report.OffsetRatio:0%} of the note), {(report.SustainPedal ? "after the sustain pedal" : "at the note-off events")}"),
            "                         mean over files                  pooled notes",
            "                         precision  recall      F1  median   precision  recall      F1",
            Row("onset", report.Onset),
            Row("onset + offset", report.WithOffset),
            $"  notes: {report.Onset.Pooled.Reference} in the MIDI, {report.Onset.Pooled.Estimated} transcribed",
        };
        if (report.Skipped.Count > 0)
        {
            lines.Add($"skipped {report.Skipped.Count} file(s)");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
