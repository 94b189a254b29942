using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MusicEmotion.Notes;

namespace MusicEmotion.Cli.Output;

/// <summary>
/// What <c>mer notes</c> prints. <b>table</b>: a header (length, tempo, notes, range, and the key when a harmony source
/// gives one), then one line per second with the notes starting in it and those sounding (and the chord, when given).
/// <b>json</b>: <c>{"file", "durationSeconds", "tempoBpm", "noteCount", "notes": [{"start", "end", "pitch", "name",
/// "amplitude", "velocity", "bends"?}]}</c> plus <c>"key"</c> and <c>"chords"</c> only when a harmony source provides
/// them (<c>"key": {"tonic", "mode", "label", "strength"}</c>, <c>"chords": [{"start", "end", "label"}]</c>: spans of one
/// chord, seconds without a chord left out). <b>csv</b>: one row per note, <c>start,end,pitch,name,amplitude,velocity</c>
/// and, when a harmony source gives chords, <c>chord</c>: the chord at the note's onset (empty when none). Times in seconds; every number
/// rounded to <see cref="AnalysisJson.Decimals"/> decimals.
/// </summary>
internal static class NotesOutput
{
    private static readonly string[] PitchClasses = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Scientific pitch name of a MIDI note: 60 = "C4", 69 = "A4", 61 = "C#4".</summary>
    public static string Name(int pitch) => PitchClasses[((pitch % 12) + 12) % 12] + ((pitch / 12) - 1).ToString(C);

    /// <summary>The MIDI velocity a note is exported with (<see cref="Notes.Midi.NoteMidiFile"/>: round(127·amplitude), at least 1).</summary>
    public static int Velocity(NoteEvent note) => Math.Clamp((int)Math.Round(note.Amplitude * 127), 1, 127);

    /// <summary>The readable table.</summary>
    public static string Table(NoteTranscription transcription, NotesHarmony? harmony, string file)
    {
        var text = new StringBuilder();
        IReadOnlyList<NoteEvent> notes = transcription.Notes;
        string range = notes.Count == 0 ? "" : $" ({Name(notes.Min(n => n.Pitch))}–{Name(notes.Max(n => n.Pitch))})";
        text.AppendLine(string.Create(C, $"{file}: {transcription.DurationSeconds:0.0} s, tempo {Tempo(transcription)}, {notes.Count} notes{range}"));
        if (harmony?.Key is { } key)
        {
            text.AppendLine(string.Create(C, $"key: {key.Label} (strength {key.Strength:0.00})"));
        }

        if (notes.Count == 0)
        {
            text.AppendLine("no notes found");
            return text.ToString();
        }

        IReadOnlyList<NotesChord>? chords = harmony?.Chords;
        text.AppendLine(chords is null ? "second  onsets  sounding" : "second  onsets  chord    sounding");
        int seconds = (int)Math.Ceiling(transcription.DurationSeconds);
        int next = 0; // first note not yet started
        var sounding = new List<NoteEvent>();
        for (int s = 0; s < seconds; s++)
        {
            int onsets = 0;
            while (next < notes.Count && notes[next].StartSeconds < s + 1)
            {
                sounding.Add(notes[next++]);
                onsets++;
            }

            sounding.RemoveAll(n => n.EndSeconds <= s);
            string pitches = string.Join(" ", sounding.Select(n => n.Pitch).Distinct().Order().Select(Name));
            string chord = chords is null ? "" : (ChordAt(chords, s + 0.5)?.Label ?? "-").PadRight(8) + " ";
            text.AppendLine(string.Create(C, $"{s,6}  {onsets,6}  {chord}{pitches}").TrimEnd());
        }

        return text.ToString();
    }

    /// <summary>The JSON document.</summary>
    public static string Json(NoteTranscription transcription, NotesHarmony? harmony, string file)
    {
        var notes = new JsonArray();
        foreach (NoteEvent n in transcription.Notes)
        {
            var note = new JsonObject
            {
                ["start"] = AnalysisJson.Round(n.StartSeconds),
                ["end"] = AnalysisJson.Round(n.EndSeconds),
                ["pitch"] = n.Pitch,
                ["name"] = Name(n.Pitch),
                ["amplitude"] = AnalysisJson.Round(n.Amplitude),
                ["velocity"] = Velocity(n),
            };
            if (n.PitchBends.Any(b => b.Semitones != 0))
            {
                note["bends"] = new JsonArray(n.PitchBends.Select(b => (JsonNode)new JsonArray(AnalysisJson.Round(b.TimeSeconds), AnalysisJson.Round(b.Semitones))).ToArray());
            }

            notes.Add(note);
        }

        var document = new JsonObject
        {
            ["file"] = file,
            ["durationSeconds"] = AnalysisJson.Round(transcription.DurationSeconds),
            ["tempoBpm"] = transcription.TempoBpm > 0 ? AnalysisJson.Round(transcription.TempoBpm) : null,
            ["noteCount"] = transcription.Notes.Count,
            ["notes"] = notes,
        };
        if (harmony?.Key is { } key)
        {
            document["key"] = new JsonObject { ["tonic"] = key.Tonic, ["mode"] = key.Mode, ["label"] = key.Label, ["strength"] = AnalysisJson.Round(key.Strength) };
        }

        if (harmony?.Chords is { } chords)
        {
            document["chords"] = new JsonArray(chords.Select(ch => (JsonNode)new JsonObject
            {
                ["start"] = AnalysisJson.Round(ch.StartSeconds),
                ["end"] = AnalysisJson.Round(ch.EndSeconds),
                ["label"] = ch.Label,
            }).ToArray());
        }

        return document.ToJsonString(Indented);
    }

    /// <summary>The CSV: a header and one row per note (with the chord at its onset when <paramref name="harmony"/> gives chords).</summary>
    public static string Csv(NoteTranscription transcription, NotesHarmony? harmony = null)
    {
        IReadOnlyList<NotesChord>? chords = harmony?.Chords;
        var text = new StringBuilder(chords is null ? "start,end,pitch,name,amplitude,velocity\n" : "start,end,pitch,name,amplitude,velocity,chord\n");
        foreach (NoteEvent n in transcription.Notes)
        {
            text.Append(string.Create(C, $"{AnalysisJson.Round(n.StartSeconds)},{AnalysisJson.Round(n.EndSeconds)},{n.Pitch},{Name(n.Pitch)},{AnalysisJson.Round(n.Amplitude)},{Velocity(n)}"));
            if (chords is not null)
            {
                text.Append(',').Append(ChordAt(chords, n.StartSeconds)?.Label);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Tempo(NoteTranscription transcription) =>
        transcription.TempoBpm > 0 ? string.Create(C, $"{transcription.TempoBpm:0.0} BPM") : "not found";

    private static NotesChord? ChordAt(IReadOnlyList<NotesChord> chords, double time) =>
        chords.FirstOrDefault(c => c.StartSeconds <= time && time < c.EndSeconds);
}
