using MusicEmotion.Notes.Model;

namespace MusicEmotion.Notes.Decoding;

/// <summary>
/// The frames a note decoder still needs: note and onset activations (keys outside the allowed range already zeroed)
/// and each key's pitch bend, for the global frames <see cref="First"/> … <see cref="End"/> - 1. Grows as frames
/// arrive; <see cref="DiscardBefore"/> drops what a decoded block no longer needs.
/// </summary>
/// <param name="mostFrames">
/// The most frames the decoder holds at once (a block, the frames of one window beyond it and the context before it):
/// the store grows by doubling up to this, and no further unless more frames are appended, and keeps its size once
/// reached, so a long signal reuses the same arrays block after block instead of allocating them again.
/// </param>
internal sealed class FrameStore(int mostFrames)
{
    private const int Keys = BasicPitchGeometry.Keys;
    private float[] _note = new float[Keys * Math.Min(1024, mostFrames)];
    private float[] _onset = new float[Keys * Math.Min(1024, mostFrames)];
    private sbyte[] _bends = new sbyte[Keys * Math.Min(1024, mostFrames)];

    /// <summary>The first frame held.</summary>
    public long First { get; private set; }

    /// <summary>Frames held.</summary>
    public int Count { get; private set; }

    /// <summary>One past the last frame held.</summary>
    public long End => First + Count;

    /// <summary>The note activations of frame <paramref name="frame"/> (88 keys).</summary>
    public ReadOnlySpan<float> Note(long frame) => _note.AsSpan(Offset(frame), Keys);

    /// <summary>The onset activations of frame <paramref name="frame"/>.</summary>
    public ReadOnlySpan<float> Onset(long frame) => _onset.AsSpan(Offset(frame), Keys);

    /// <summary>The pitch bends (contour bins) of frame <paramref name="frame"/>.</summary>
    public ReadOnlySpan<sbyte> Bends(long frame) => _bends.AsSpan(Offset(frame), Keys);

    /// <summary>
    /// Appends the next frame: its note and onset activations (88 each; keys outside
    /// <paramref name="lowestKey"/> … <paramref name="highestKey"/> stored as 0) and the pitch bends its contour
    /// (264 bins) implies for every key.
    /// </summary>
    public void Append(ReadOnlySpan<float> note, ReadOnlySpan<float> onset, ReadOnlySpan<float> contour, int lowestKey, int highestKey)
    {
        if ((Count + 1) * Keys > _note.Length)
        {
            int capacity = Math.Max((Count + 1) * Keys, Math.Min(_note.Length * 2, mostFrames * Keys));
            Array.Resize(ref _note, capacity);
            Array.Resize(ref _onset, capacity);
            Array.Resize(ref _bends, capacity);
        }

        int offset = Count * Keys;
        Span<float> noteRow = _note.AsSpan(offset, Keys);
        Span<float> onsetRow = _onset.AsSpan(offset, Keys);
        note.CopyTo(noteRow);
        onset.CopyTo(onsetRow);
        noteRow[..lowestKey].Clear();
        onsetRow[..lowestKey].Clear();
        noteRow[(highestKey + 1)..].Clear();
        onsetRow[(highestKey + 1)..].Clear();
        PitchBendEstimator.Estimate(contour, _bends.AsSpan(offset, Keys));
        Count++;
    }

    /// <summary>Drops the frames before <paramref name="frame"/>.</summary>
    public void DiscardBefore(long frame)
    {
        int drop = (int)Math.Clamp(frame - First, 0, Count);
        if (drop == 0)
        {
            return;
        }

        int keep = Count - drop;
        _note.AsSpan(drop * Keys, keep * Keys).CopyTo(_note);
        _onset.AsSpan(drop * Keys, keep * Keys).CopyTo(_onset);
        _bends.AsSpan(drop * Keys, keep * Keys).CopyTo(_bends);
        First += drop;
        Count = keep;
    }

    private int Offset(long frame)
    {
        long index = frame - First;
        if ((ulong)index >= (ulong)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), frame, $"Frame outside the store ({First} … {End - 1}).");
        }

        return (int)index * Keys;
    }
}
