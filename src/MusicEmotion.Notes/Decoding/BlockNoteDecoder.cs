using MusicEmotion.Notes.Model;

namespace MusicEmotion.Notes.Decoding;

/// <summary>
/// Turns the posteriorgrams of one <see cref="NoteBlock"/> into notes, following Basic Pitch's published method:
/// <list type="number">
/// <item>Onset strengths (<see cref="OnsetScale.Strengths"/>); a note may start where a key's strength is a strict
/// local maximum in time (compared with the frames before and after) and above the onset threshold.</item>
/// <item>Those starts, latest first (and, within a frame, highest key first), are extended frame by frame while the
/// key's remaining activation stays at or above the frame threshold, allowing up to the energy tolerance of frames
/// below it; the note ends after the last frame above. Notes no longer than the minimum length are dropped; a kept
/// note's frames are used up for its key and both neighbours.</item>
/// <item>With the melodia trick, the strongest activation not yet used (above the frame threshold) seeds a note that
/// grows forwards and backwards under the same rule, using up what it passes, until no activation above the
/// threshold is left: notes without a clear onset.</item>
/// </list>
/// The amplitude of a note is the mean of its key's activation over its frames.
/// </summary>
internal static class BlockNoteDecoder
{
    private const int Keys = BasicPitchGeometry.Keys;

    /// <summary>Decodes <paramref name="block"/>; the store must hold three frames before it (when they exist) and one after it (unless it is the last).</summary>
    /// <param name="store">The frames.</param>
    /// <param name="block">Which of them to decode.</param>
    /// <param name="scale">The onset scaling.</param>
    /// <param name="settings">The decoding values.</param>
    /// <param name="scratch">Working memory, reused from block to block (no large allocation per block).</param>
    /// <param name="cancellationToken">Checked between the phases.</param>
    public static List<FrameNote> Decode(FrameStore store, NoteBlock block, OnsetScale scale, NoteDecodingSettings settings, DecodingScratch scratch, CancellationToken cancellationToken)
    {
        var notes = new List<FrameNote>();
        int length = (int)(block.End - block.Start);
        if (length <= 0)
        {
            return notes;
        }

        float[] remaining = scratch.Remaining(length * Keys);
        for (int i = 0; i < length; i++)
        {
            store.Note(block.Start + i).CopyTo(remaining.AsSpan(i * Keys, Keys));
        }

        List<(long Frame, int Key)> starts = FindOnsetPeaks(store, block, scale, settings, scratch.Starts);
        cancellationToken.ThrowIfCancellationRequested();
        for (int s = starts.Count - 1; s >= 0; s--)
        {
            (long start, int key) = starts[s];
            if (block.IsLast && start >= block.End - 1)
            {
                continue;
            }

            long end = ExtendForward(remaining, block, start, key, settings, useUp: false) + 1;
            if (end - start <= settings.MinimumNoteFrames)
            {
                continue;
            }

            for (long f = start; f < end; f++)
            {
                UseUp(remaining, block, f, key);
            }

            notes.Add(new FrameNote(start, end, key, MeanActivation(store, start, end, key)));
        }

        if (settings.MelodiaTrick)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AddNotesWithoutOnsets(store, remaining, length * Keys, block, settings, notes, scratch.Seeds);
        }

        notes.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Key.CompareTo(b.Key));
        return notes;
    }

    /// <summary>Starts in time order (and key order within a frame): strict local maxima of the onset strength above the threshold.</summary>
    private static List<(long Frame, int Key)> FindOnsetPeaks(FrameStore store, NoteBlock block, OnsetScale scale, NoteDecodingSettings settings, List<(long Frame, int Key)> starts)
    {
        starts.Clear();
        Span<double> previous = stackalloc double[Keys];
        Span<double> current = stackalloc double[Keys];
        Span<double> next = stackalloc double[Keys];
        bool hasPrevious = block.Start > 0;
        if (hasPrevious)
        {
            scale.Strengths(store, block.Start - 1, settings.InferOnsets, previous);
        }

        scale.Strengths(store, block.Start, settings.InferOnsets, current);
        for (long t = block.Start; t < block.End; t++)
        {
            bool hasNext = t + 1 < block.PeakEnd;
            if (hasNext)
            {
                scale.Strengths(store, t + 1, settings.InferOnsets, next);
            }

            for (int k = 0; k < Keys; k++)
            {
                double v = current[k];
                if (v > settings.OnsetThreshold && (!hasPrevious || v > previous[k]) && (!hasNext || v > next[k]))
                {
                    starts.Add((t, k));
                }
            }

            current.CopyTo(previous);
            next.CopyTo(current);
            hasPrevious = true;
        }

        return starts;
    }

    /// <summary>
    /// Walks forward from <paramref name="from"/> while fewer than the tolerance of consecutive frames fell below the
    /// frame threshold; returns the last frame at or above it (or <paramref name="from"/> when none is).
    /// With <paramref name="useUp"/>, every frame passed is used up.
    /// </summary>
    private static long ExtendForward(float[] remaining, NoteBlock block, long from, int key, NoteDecodingSettings settings, bool useUp)
    {
        long i = from + 1;
        int below = 0;
        while (i < block.WalkEnd && below < settings.EnergyToleranceFrames)
        {
            below = remaining[Index(block, i, key)] < settings.FrameThreshold ? below + 1 : 0;
            if (useUp)
            {
                UseUp(remaining, block, i, key);
            }

            i++;
        }

        return i - 1 - below;
    }

    /// <summary>The mirror image of <see cref="ExtendForward"/>: returns the first frame at or above the threshold.</summary>
    private static long ExtendBackward(float[] remaining, NoteBlock block, long from, int key, NoteDecodingSettings settings)
    {
        long i = from - 1;
        int below = 0;
        while (i >= block.WalkLow && below < settings.EnergyToleranceFrames)
        {
            below = remaining[Index(block, i, key)] < settings.FrameThreshold ? below + 1 : 0;
            UseUp(remaining, block, i, key);
            i--;
        }

        return i + 1 + below;
    }

    private static void AddNotesWithoutOnsets(FrameStore store, float[] remaining, int cells, NoteBlock block, NoteDecodingSettings settings, List<FrameNote> notes, List<(float Value, int Index)> seeds)
    {
        // What is left above the threshold, strongest first (earlier frame, then higher key, on ties). Activations are
        // only ever used up (set to 0), so the strongest one still holding its value is the strongest one left.
        seeds.Clear();
        for (int i = 0; i < cells; i++)
        {
            if (remaining[i] > settings.FrameThreshold)
            {
                seeds.Add((remaining[i], i));
            }
        }

        seeds.Sort((a, b) =>
        {
            int byValue = b.Value.CompareTo(a.Value);
            if (byValue != 0)
            {
                return byValue;
            }

            int frameA = a.Index / Keys, frameB = b.Index / Keys;
            return frameA != frameB ? frameA.CompareTo(frameB) : (b.Index % Keys).CompareTo(a.Index % Keys);
        });

        foreach ((float value, int index) in seeds)
        {
            if (remaining[index] != value)
            {
                continue; // used up by an earlier note
            }

            long seed = block.Start + (index / Keys);
            int key = index % Keys;
            remaining[index] = 0;
            long last = ExtendForward(remaining, block, seed, key, settings, useUp: true);
            long first = ExtendBackward(remaining, block, seed, key, settings);
            if (last - first <= settings.MinimumNoteFrames)
            {
                continue;
            }

            notes.Add(new FrameNote(first, last, key, MeanActivation(store, first, last, key)));
        }
    }

    private static void UseUp(float[] remaining, NoteBlock block, long frame, int key)
    {
        int i = Index(block, frame, 0);
        remaining[i + key] = 0;
        if (key < Keys - 1)
        {
            remaining[i + key + 1] = 0;
        }

        if (key > 0)
        {
            remaining[i + key - 1] = 0;
        }
    }

    private static double MeanActivation(FrameStore store, long start, long end, int key)
    {
        double sum = 0;
        for (long f = start; f < end; f++)
        {
            sum += store.Note(f)[key];
        }

        return sum / (end - start);
    }

    private static int Index(NoteBlock block, long frame, int key) => ((int)(frame - block.Start) * Keys) + key;
}

/// <summary>The working memory of <see cref="BlockNoteDecoder"/>, kept by a decoder from block to block.</summary>
internal sealed class DecodingScratch
{
    private float[] _remaining = [];

    /// <summary>Onset peaks of the block being decoded.</summary>
    public List<(long Frame, int Key)> Starts { get; } = [];

    /// <summary>Seeds of the melodia trick.</summary>
    public List<(float Value, int Index)> Seeds { get; } = [];

    /// <summary>At least <paramref name="length"/> floats (contents undefined).</summary>
    public float[] Remaining(int length)
    {
        if (_remaining.Length < length)
        {
            _remaining = new float[length];
        }

        return _remaining;
    }
}
