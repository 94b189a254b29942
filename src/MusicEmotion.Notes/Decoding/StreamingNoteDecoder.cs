using MusicEmotion.Notes.Model;
using MusicEmotion.Notes.Posteriorgrams;

namespace MusicEmotion.Notes.Decoding;

/// <summary>
/// Decodes notes while the posteriorgrams stream in, holding a bounded number of frames.
/// </summary>
/// <remarks>
/// <para>Basic Pitch's reference decodes the whole track at once. Here frames are gathered until
/// <see cref="NoteDecodingSettings.MaxBlockFrames"/> are pending, and only then is a block decoded, ending at the
/// latest <em>gap</em>: a frame preceded by at least the energy tolerance of frames in which no key reaches the frame
/// threshold and no onset strength exceeds the onset threshold. No note can be extended across such a gap and no note
/// starts within it, so cutting there gives exactly the notes the whole-track decoding would. A track no longer than
/// one block is decoded in one piece, exactly as the reference does.</para>
/// <para>Two things differ on longer tracks. The onset strengths are scaled by the maxima seen so far (including the
/// frames pending beyond the block), not by the whole track's. And when a block reaches its maximum without any gap
/// (continuous dense music), it is cut at its quietest point in its second half: a note sounding across that point
/// ends there, and its continuation is found again as a note of the next block when its activation is high enough.</para>
/// </remarks>
internal sealed class StreamingNoteDecoder : IPosteriorgramSink
{
    private const int ContextFrames = 3; // onset strengths of a block's first frame look back three frames
    private readonly NoteDecodingSettings _settings;
    private readonly FrameStore _store;
    private readonly OnsetScale _scale = new();
    private readonly List<NoteEvent> _decoded = [];
    private readonly DecodingScratch _scratch = new();
    private long _blockStart;
    private CancellationToken _cancellationToken;

    public StreamingNoteDecoder(NoteDecodingSettings settings)
    {
        _settings = settings;
        // A block is decoded once more than MaxBlockFrames + 1 frames are pending; a window's frames arrive at once, and the
        // frames before a block are kept for its onset strengths.
        _store = new FrameStore(settings.MaxBlockFrames + 1 + BasicPitchGeometry.KeptFrames + ContextFrames);
    }

    /// <summary>
    /// One past the last frame decoded: every note that starts before it has been decoded, and every note decoded so far
    /// ends at or before it (a block's notes start and end inside the block); the notes still to come start at or after it.
    /// </summary>
    public long DecodedFrames => _blockStart;

    /// <summary>Blocks that had to be cut without a gap (see the remarks).</summary>
    public int ForcedCuts { get; private set; }

    /// <summary>Cancels the decoding of the blocks to come.</summary>
    public CancellationToken CancellationToken { set => _cancellationToken = value; }

    /// <summary>Takes the notes decoded since the last call, in order of start (then pitch).</summary>
    public List<NoteEvent> TakeDecoded()
    {
        var notes = new List<NoteEvent>(_decoded);
        _decoded.Clear();
        return notes;
    }

    /// <inheritdoc />
    public void OnFrames(long firstFrame, int count, ReadOnlySpan<float> note, ReadOnlySpan<float> onset, ReadOnlySpan<float> contour)
    {
        if (firstFrame != _store.End)
        {
            throw new InvalidOperationException($"Frames must arrive in order: expected frame {_store.End}, got {firstFrame}.");
        }

        const int keys = BasicPitchGeometry.Keys;
        for (int i = 0; i < count; i++)
        {
            _store.Append(note.Slice(i * keys, keys), onset.Slice(i * keys, keys),
                contour.Slice(i * BasicPitchGeometry.ContourBins, BasicPitchGeometry.ContourBins), _settings.LowestKey, _settings.HighestKey);
            _scale.Add(_store, _store.End - 1);
        }

        // Decide only with one frame to spare after the cut (peak picking looks one frame ahead).
        while (_store.End - _blockStart > _settings.MaxBlockFrames + 1)
        {
            long cut = FindGap() ?? ForcedCut();
            DecodeBlock(new NoteBlock(_blockStart, cut, IsLast: false));
        }
    }

    /// <summary>Decodes what is pending as the end of the signal.</summary>
    public void Complete()
    {
        if (_store.End > _blockStart)
        {
            DecodeBlock(new NoteBlock(_blockStart, _store.End, IsLast: true));
        }
    }

    private void DecodeBlock(NoteBlock block)
    {
        foreach (FrameNote n in BlockNoteDecoder.Decode(_store, block, _scale, _settings, _scratch, _cancellationToken))
        {
            _decoded.Add(ToEvent(n));
        }

        _blockStart = block.End;
        _store.DiscardBefore(block.End - ContextFrames);
    }

    private NoteEvent ToEvent(FrameNote n)
    {
        PitchBend[] bends = [];
        if (_settings.IncludePitchBends)
        {
            bends = new PitchBend[n.End - n.Start];
            for (long f = n.Start; f < n.End; f++)
            {
                bends[f - n.Start] = new PitchBend(BasicPitchGeometry.FrameSeconds(f), PitchBendEstimator.Semitones(_store.Bends(f)[n.Key]));
            }
        }

        return new NoteEvent(BasicPitchGeometry.FrameSeconds(n.Start), BasicPitchGeometry.FrameSeconds(n.End),
            n.Key + BasicPitchGeometry.LowestPitch, (float)n.Amplitude, bends);
    }

    /// <summary>The latest cut whose preceding tolerance of frames is quiet, leaving one frame after it; null when there is none.</summary>
    private long? FindGap()
    {
        int tolerance = _settings.EnergyToleranceFrames;
        Span<double> strengths = stackalloc double[BasicPitchGeometry.Keys];
        int quietRun = 0;
        long? best = null;
        for (long t = _blockStart; t < _store.End - 1; t++)
        {
            quietRun = IsQuiet(t, strengths) ? quietRun + 1 : 0;
            if (quietRun >= tolerance)
            {
                best = t + 1; // frames t-tolerance+1 … t are quiet
            }
        }

        return best;
    }

    private bool IsQuiet(long frame, Span<double> strengths)
    {
        foreach (float v in _store.Note(frame))
        {
            if (!(v < _settings.FrameThreshold))
            {
                return false;
            }
        }

        _scale.Strengths(_store, frame, _settings.InferOnsets, strengths);
        foreach (double s in strengths)
        {
            if (!(s <= _settings.OnsetThreshold))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The cut in the second half of the pending frames with the fewest active key-frames before it (the latest on ties).</summary>
    private long ForcedCut()
    {
        ForcedCuts++;
        int tolerance = _settings.EnergyToleranceFrames;
        long end = _store.End - 1;
        long from = _blockStart + ((end - _blockStart) / 2);
        var active = new int[end - _blockStart];
        for (long t = _blockStart; t < end; t++)
        {
            int n = 0;
            foreach (float v in _store.Note(t))
            {
                n += v >= _settings.FrameThreshold ? 1 : 0;
            }

            active[t - _blockStart] = n;
        }

        long best = end;
        long bestScore = long.MaxValue;
        long window = 0;
        for (long c = _blockStart + 1; c <= end; c++)
        {
            window += active[c - 1 - _blockStart];
            if (c - 1 - tolerance >= _blockStart)
            {
                window -= active[c - 1 - tolerance - _blockStart];
            }

            if (c >= from && window <= bestScore)
            {
                bestScore = window;
                best = c;
            }
        }

        return best;
    }
}
