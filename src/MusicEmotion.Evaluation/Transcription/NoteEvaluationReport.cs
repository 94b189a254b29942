using System.Text.Json;
using System.Text.Json.Serialization;
using MusicEmotion.Evaluation.ModelEvaluation;

namespace MusicEmotion.Evaluation.Transcription;

/// <summary>The result of <c>mer eval notes</c>: note-level scores of the transcription of rendered MIDI against the MIDI.</summary>
internal sealed record NoteEvaluationReport
{
    /// <summary>The MIDI folder evaluated.</summary>
    public required string Folder { get; init; }

    /// <summary>The split evaluated, or null for every MIDI file in the folder.</summary>
    public string? Split { get; init; }

    /// <summary>How the audio was made (the FluidSynth command line, with placeholders).</summary>
    public required string Rendering { get; init; }

    /// <summary>Whether the MIDI's offsets follow the sustain pedal (as the rendering sounds) rather than the note-off events.</summary>
    public bool SustainPedal { get; init; }

    /// <summary>The onset tolerance, seconds.</summary>
    public double OnsetToleranceSeconds { get; init; } = NoteMatchCriteria.WithOffsets.OnsetToleranceSeconds;

    /// <summary>The offset tolerance's share of the reference duration.</summary>
    public double OffsetRatio { get; init; } = NoteMatchCriteria.WithOffsets.OffsetRatio ?? 0;

    /// <summary>The smallest offset tolerance, seconds.</summary>
    public double OffsetMinToleranceSeconds { get; init; } = NoteMatchCriteria.WithOffsets.OffsetMinToleranceSeconds;

    /// <summary>Clips scored.</summary>
    public int Clips => Results.Count;

    /// <summary>Seconds of rendered audio transcribed.</summary>
    public double AudioSeconds => Results.Sum(r => r.DurationSeconds);

    /// <summary>Onset and pitch only (offsets ignored).</summary>
    public NoteScoreSummary Onset => NoteScoreSummary.Of(Results.Select(r => r.Onset).ToArray());

    /// <summary>Onset, pitch and offset.</summary>
    public NoteScoreSummary WithOffset => NoteScoreSummary.Of(Results.Select(r => r.WithOffset).ToArray());

    /// <summary>Every clip, by name.</summary>
    public IReadOnlyList<NoteClipResult> Results { get; init; } = [];

    /// <summary>Files left out (an unreadable MIDI file, one without notes, a failed rendering or transcription), with the reason.</summary>
    public IReadOnlyList<SkippedClip> Skipped { get; init; } = [];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The report as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
