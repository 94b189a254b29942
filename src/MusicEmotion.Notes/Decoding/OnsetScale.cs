using MusicEmotion.Notes.Model;

namespace MusicEmotion.Notes.Decoding;

/// <summary>
/// What Basic Pitch's inferred onsets are scaled by: the largest onset activation and the largest frame-activation
/// rise (<c>min(x[t] - x[t-1], x[t] - x[t-2])</c>, from frame 2 on) seen so far. The rises are rescaled to the onsets'
/// maximum, so a key whose activation jumps without a predicted onset can still start a note.
/// </summary>
internal sealed class OnsetScale
{
    /// <summary>Largest onset activation so far.</summary>
    public double OnsetMax { get; private set; }

    /// <summary>Largest rise so far.</summary>
    public double RiseMax { get; private set; }

    /// <summary>Takes frame <paramref name="frame"/> into account; the store must hold the two frames before it.</summary>
    public void Add(FrameStore store, long frame)
    {
        foreach (float v in store.Onset(frame))
        {
            if (v > OnsetMax)
            {
                OnsetMax = v;
            }
        }

        if (frame < 2)
        {
            return;
        }

        ReadOnlySpan<float> x = store.Note(frame), x1 = store.Note(frame - 1), x2 = store.Note(frame - 2);
        for (int k = 0; k < BasicPitchGeometry.Keys; k++)
        {
            double rise = Rise(x[k], x1[k], x2[k]);
            if (rise > RiseMax)
            {
                RiseMax = rise;
            }
        }
    }

    /// <summary>The (unscaled, non-negative) rise of one key.</summary>
    public static double Rise(double now, double previous, double beforePrevious) =>
        Math.Max(0, Math.Min(now - previous, now - beforePrevious));

    /// <summary>
    /// The onset strength decoding uses for frame <paramref name="frame"/>: the onset activation or, with inferred
    /// onsets, the larger of it and the rescaled rise. With no rise at all (a posteriorgram that never grows) the
    /// onsets are used alone.
    /// </summary>
    public void Strengths(FrameStore store, long frame, bool inferOnsets, Span<double> strengths)
    {
        ReadOnlySpan<float> onset = store.Onset(frame);
        for (int k = 0; k < BasicPitchGeometry.Keys; k++)
        {
            strengths[k] = onset[k];
        }

        if (!inferOnsets || frame < 2 || !(RiseMax > 0))
        {
            return;
        }

        ReadOnlySpan<float> x = store.Note(frame), x1 = store.Note(frame - 1), x2 = store.Note(frame - 2);
        for (int k = 0; k < BasicPitchGeometry.Keys; k++)
        {
            double scaled = OnsetMax * Rise(x[k], x1[k], x2[k]) / RiseMax;
            if (scaled > strengths[k])
            {
                strengths[k] = scaled;
            }
        }
    }
}
