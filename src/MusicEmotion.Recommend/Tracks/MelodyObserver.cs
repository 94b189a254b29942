using MusicEmotion.Features;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Cards;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Tracks;

/// <summary>
/// Collects a track's per-second <c>melody</c> columns during its emotion analysis and summarises them into the
/// <see cref="VectorBlock.Melody"/> block (<see cref="TrackVectorBlocks.MelodyOf"/>). When the model's recipe already
/// transcribes the notes (it names a note kind: <c>notes</c>, <c>harmony</c> or <c>melody</c>) and the analyser can
/// compute the <c>melody</c> kind (MusicEmotion.Notes registered), the kind is asked for beside the recipe
/// (<see cref="IFeatureFrameObserver.AdditionalKinds"/>): appended after the recipe's note kinds it shares their one
/// transcription. A recipe without note kinds (an audio-only model) gets no melody block: nothing is transcribed for it.
/// </summary>
/// <remarks>
/// The note kinds give every frame the row of the second that holds the frame's centre, so the seconds are read back
/// from the frames: the first frame of each second carries that second's row, and seconds past the end of the signal
/// (a frame centred on its last sample) are the last second's row again and are dropped.
/// </remarks>
internal sealed class MelodyObserver : IFeatureFrameObserver
{
    /// <summary>The feature kind whose columns the block summarises.</summary>
    public const string Kind = "melody";

    private static readonly string[] NoteKinds = ["notes", "harmony", Kind];
    private readonly List<float> _rows = [];
    private int _offset = -1;
    private int _sampleRate;
    private int _hop;
    private double _centreOffset;
    private long _lastSecond = -1;
    private float[]? _result;

    /// <summary>The melody block once the analysis has completed, or null when the recipe had no melody columns.</summary>
    public float[]? Result => _result;

    public IReadOnlyList<string> AdditionalKinds(FeatureRecipe recipe, FeatureKindRegistry kinds)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(kinds);
        return Transcribes(recipe) && kinds.Contains(Kind) ? [Kind] : [];
    }

    /// <summary>Whether tracks analysed with <paramref name="recipe"/> and <paramref name="kinds"/> get a melody block.</summary>
    public static bool GivesMelody(FeatureRecipe recipe, FeatureKindRegistry kinds) =>
        recipe.Kinds.Contains(Kind, StringComparer.OrdinalIgnoreCase) || (Transcribes(recipe) && kinds.Contains(Kind));

    private static bool Transcribes(FeatureRecipe recipe) => recipe.Kinds.Any(k => NoteKinds.Contains(k, StringComparer.OrdinalIgnoreCase));

    public void OnStart(FeatureRecipe recipe, FeatureRecipeLayout layout)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(layout);
        int offset = layout.OffsetOf(Kind);
        int width = TrackVectorBlocks.MelodyColumns.Count;
        if (offset >= 0 && layout.WidthOf(Kind) == width
            && layout.ColumnNames.Skip(offset).Take(width).SequenceEqual(TrackVectorBlocks.MelodyColumns, StringComparer.Ordinal))
        {
            _offset = offset;
            _sampleRate = recipe.Settings.SampleRate;
            _hop = recipe.Settings.HopLength;
            _centreOffset = recipe.Settings.Center ? 0 : recipe.Settings.FftSize / 2.0;
        }
    }

    public void OnSamples(ReadOnlySpan<float> samples)
    {
    }

    public void OnFrame(long frameIndex, ReadOnlySpan<float> row)
    {
        if (_offset < 0)
        {
            return;
        }

        long second = (long)Math.Floor(((frameIndex * (double)_hop) + _centreOffset) / _sampleRate);
        if (second > _lastSecond)
        {
            _lastSecond = second;
            foreach (float value in row.Slice(_offset, TrackVectorBlocks.MelodyColumns.Count))
            {
                _rows.Add(value);
            }
        }
    }

    public void OnComplete(long totalSamples)
    {
        if (_offset < 0)
        {
            return;
        }

        int width = TrackVectorBlocks.MelodyColumns.Count;
        long seconds = (long)Math.Ceiling((totalSamples / (double)_sampleRate) - 1e-9);
        int rows = (int)Math.Min(_rows.Count / width, Math.Max(0, seconds));
        _result = TrackVectorBlocks.MelodyOf(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_rows)[..(rows * width)]);
    }
}
