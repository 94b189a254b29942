using MusicEmotion.Notes.Decoding;
using MusicEmotion.Notes.Model;

namespace MusicEmotion.Notes.Tests.Decoding;

/// <summary>
/// A hand-made model output to decode: note and onset activations per frame and key; the contour peaks on every key's
/// nominal bin (3·key + 1) unless set otherwise, so notes do not bend.
/// </summary>
internal sealed class Posteriorgram(int frames)
{
    public int Frames { get; } = frames;

    public float[] Note { get; } = new float[frames * BasicPitchGeometry.Keys];

    public float[] Onset { get; } = new float[frames * BasicPitchGeometry.Keys];

    public float[] Contour { get; } = Enumerable.Range(0, frames * BasicPitchGeometry.ContourBins)
        .Select(i => i % BasicPitchGeometry.ContourBins % 3 == 1 ? 0.5f : 0.01f).ToArray();

    /// <summary>Sets key <paramref name="key"/>'s note activation to <paramref name="value"/> on frames <paramref name="from"/> … <paramref name="to"/> - 1.</summary>
    public Posteriorgram Activate(int key, int from, int to, float value)
    {
        for (int f = from; f < to; f++)
        {
            Note[(f * BasicPitchGeometry.Keys) + key] = value;
        }

        return this;
    }

    public Posteriorgram OnsetAt(int key, int frame, float value)
    {
        Onset[(frame * BasicPitchGeometry.Keys) + key] = value;
        return this;
    }

    /// <summary>Makes <paramref name="bin"/> the only peak of frame <paramref name="frame"/>'s contour.</summary>
    public Posteriorgram ContourPeak(int frame, int bin, float value = 0.9f)
    {
        Contour.AsSpan(frame * BasicPitchGeometry.ContourBins, BasicPitchGeometry.ContourBins).Fill(0.01f);
        Contour[(frame * BasicPitchGeometry.ContourBins) + bin] = value;
        return this;
    }

    /// <summary>Decodes the whole output as a transcription would, handing it over <paramref name="chunk"/> frames at a time.</summary>
    public List<NoteEvent> Decode(NoteTranscriptionOptions? options = null, int chunk = BasicPitchGeometry.KeptFrames) =>
        Decode(options, chunk, out _);

    public List<NoteEvent> Decode(NoteTranscriptionOptions? options, int chunk, out int forcedCuts)
    {
        options ??= new NoteTranscriptionOptions();
        options.Validate();
        var decoder = new StreamingNoteDecoder(NoteDecodingSettings.From(options));
        var notes = new List<NoteEvent>();
        for (int first = 0; first < Frames; first += chunk)
        {
            int count = Math.Min(chunk, Frames - first);
            decoder.OnFrames(first, count,
                Note.AsSpan(first * BasicPitchGeometry.Keys, count * BasicPitchGeometry.Keys),
                Onset.AsSpan(first * BasicPitchGeometry.Keys, count * BasicPitchGeometry.Keys),
                Contour.AsSpan(first * BasicPitchGeometry.ContourBins, count * BasicPitchGeometry.ContourBins));
            notes.AddRange(decoder.TakeDecoded());
        }

        decoder.Complete();
        notes.AddRange(decoder.TakeDecoded());
        forcedCuts = decoder.ForcedCuts;
        return notes;
    }

    public static double Time(int frame) => BasicPitchGeometry.FrameSeconds(frame);
}
