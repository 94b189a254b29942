namespace MusicEmotion.Notes.Decoding;

/// <summary>
/// A run of frames decoded together: notes start in <see cref="Start"/> … <see cref="End"/> - 1. Walks that extend a
/// note stay inside <see cref="WalkLow"/> … <see cref="WalkEnd"/> - 1; onset peaks look one frame past the block when
/// it exists (<see cref="PeakEnd"/>).
/// </summary>
/// <param name="Start">First frame of the block.</param>
/// <param name="End">One past its last frame.</param>
/// <param name="IsLast">Whether the signal ends with it.</param>
internal readonly record struct NoteBlock(long Start, long End, bool IsLast)
{
    /// <summary>
    /// The lowest frame a backward walk visits: the block's first frame, but never frame 0 (the reference's backward
    /// walk stops before the signal's first frame).
    /// </summary>
    public long WalkLow => Math.Max(Start, 1);

    /// <summary>
    /// One past the highest frame a forward walk visits: the block's end or, in the last block, the signal's last frame
    /// (the reference's forward walk stops before it).
    /// </summary>
    public long WalkEnd => IsLast ? End - 1 : End;

    /// <summary>One past the last frame whose onset strength peak picking compares with.</summary>
    public long PeakEnd => IsLast ? End : End + 1;
}
