using System.CommandLine;
using System.Globalization;
using MusicEmotion.Evaluation.TempoKey;
using MusicEmotion.Notes;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer eval tempo-key [--emopia &lt;dir&gt;] [--vgmidi &lt;dir&gt;] [--split val] [--notes] [--json out.jsonl]</c>: how often the
/// tempo and key the audio features report match what is known: generated pieces always, and the EMOPIA and VGMIDI MIDI
/// files rendered with FluidSynth, against the tempo and key the files state.
/// </summary>
internal static class EvalTempoKeyCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var emopia = new Option<string?>("--emopia") { Description = "An EMOPIA folder (labels.csv, midi/): its MIDI files rendered with FluidSynth (they state only the nominal 120 BPM of a transcription and no key)." };
        var vgmidi = new Option<string?>("--vgmidi") { Description = "A VGMIDI folder (clips.csv, midi/): its MIDI files rendered with FluidSynth." };
        var split = new Option<string?>("--split") { Description = "Only this split of the MIDI sets (train or val); default: all." };
        var json = new Option<string?>("--json") { Description = "Write each piece's stated and estimated tempo and key as JSON lines here." };
        var notes = new Option<bool>("--notes") { Description = "Also transcribe each rendered piece (Basic Pitch) and score the key found from its notes beside the audio features' key (slower)." };
        var jobs = CommonOptions.Jobs("Pieces rendered");
        var command = new Command("tempo-key", "Accuracy of the estimated tempo (within 4 %, allowing double/half) and key (exact; with fifths and relatives) on generated pieces and rendered MIDI.")
        {
            emopia, vgmidi, split, json, notes, jobs,
        };
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            int jobCount = CommonOptions.JobCount(parse, jobs);

            string? jsonPath = CommonOptions.JsonPath(parse, json);

            using NoteTranscriber? transcriber = parse.GetValue(notes) ? new NoteTranscriber() : null;
            var results = new List<TempoKeyResult>(TempoKeyBenchmark.Generated());
            foreach ((string set, string? folder, string table) in new[] { ("emopia", parse.GetValue(emopia), "labels.csv"), ("vgmidi", parse.GetValue(vgmidi), "clips.csv") })
            {
                if (folder is null)
                {
                    continue;
                }

                IReadOnlyList<string> files = TempoKeyBenchmark.MidiFiles(folder, table, parse.GetValue(split));
                var progress = new Progress<int>(n =>
                {
                    if (n % 25 == 0 || n == files.Count)
                    {
                        error.WriteLine(string.Create(C, $"{set}: rendered and estimated {n}/{files.Count}"));
                    }
                });
                results.AddRange(await TempoKeyBenchmark.RenderedAsync(set, files, jobCount, progress, transcriber, cancellationToken).ConfigureAwait(false));
            }

            await output.WriteLineAsync(TempoKeyReport.Table(results, DescriptorTempoKeySource.DefaultMinKeyStrength)).ConfigureAwait(false);
            if (jsonPath is not null)
            {
                Output.OutputPaths.WriteAtomically(jsonPath, TempoKeyReport.Json(results));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
