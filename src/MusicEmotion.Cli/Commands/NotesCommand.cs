using System.CommandLine;
using MusicEmotion.Cli.Output;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Midi;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer notes &lt;audio&gt; [--midi song.mid] [--format table|json|csv] [--out file]</c>: the notes of a song over time
/// (Basic Pitch transcription, MusicEmotion.Notes) with its tempo, key and chords (from the <see cref="INotesHarmonySource"/>
/// passed in, see there), optionally written as a MIDI file. Bad input gets the same one-line
/// errors and exit codes as <c>mer analyze</c> (2 for a missing, corrupt or empty file).
/// </summary>
internal static class NotesCommand
{
    public static Command Create(TextWriter output, TextWriter error, INotesHarmonySource? harmony = null)
    {
        var input = new Argument<string>("input") { Description = "An audio file (any format ffmpeg reads)." };
        var format = new Option<string?>("--format")
        {
            Description = "table (the key, then one line per second: notes starting, chord, notes sounding; default), json (key, chords over time and every note: start, end, pitch, name, amplitude, velocity, pitch bends) or csv (one row per note with the chord at its onset).",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var midi = new Option<string?>("--midi") { Description = "Also write the notes as a MIDI file (one track, the song's tempo, pitch bends)." };
        var outPath = new Option<string?>("--out") { Description = "Write the --format output here instead of stdout." };
        var command = new Command("notes", "Transcribe the notes of a song (pitch, onset, offset, loudness, pitch bends) with its tempo, key and chords; optionally write MIDI.")
        {
            input, format, midi, outPath,
        };
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            string path = parse.GetValue(input)!;
            string? midiPath = parse.GetValue(midi);
            string? destination = parse.GetValue(outPath);
            if (Directory.Exists(path))
            {
                throw new CliInputException($"{path} is a folder; give an audio file");
            }

            if (!File.Exists(path))
            {
                throw new CliInputException($"{path}: no such file or folder");
            }

            foreach (string? target in new[] { midiPath, destination })
            {
                if (target is not null)
                {
                    OutputPaths.EnsureWritable(target);
                }
            }

            using var transcriber = new NoteTranscriber();
            NoteTranscription transcription = await transcriber.TranscribeAsync(path, cancellationToken).ConfigureAwait(false);
            NotesHarmony? described = harmony?.Describe(transcription, cancellationToken);
            string text = (parse.GetValue(format) ?? "table") switch
            {
                "json" => NotesOutput.Json(transcription, described, path),
                "csv" => NotesOutput.Csv(transcription, described),
                _ => NotesOutput.Table(transcription, described, path),
            };
            if (midiPath is not null)
            {
                NoteMidiFile.Save(transcription, midiPath);
            }

            await OutputPaths.WriteResultAsync(text, destination, midiPath, output, error).ConfigureAwait(false);

            return ExitCodes.Success;
        }));
        return command;
    }
}
