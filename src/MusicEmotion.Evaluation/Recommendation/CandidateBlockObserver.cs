using MusicEmotion.Features;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Evaluation.Recommendation;

/// <summary>
/// Summarises the frames of a track's emotion analysis into the candidate vector blocks that <c>mer eval recommend
/// --candidate-blocks</c> measures: <b>timbre</b> (the mean and spread of every log-mel band in dB, then of MFCCs 1–20,
/// an orthonormal DCT-II of the same log-mel) and <b>notes</b> (the mean and spread of every column of the note feature
/// kinds <c>notes</c> and <c>harmony</c> the model's recipe holds; the melody columns are the track's own melody block,
/// <see cref="Recommend.Vectors.VectorBlock.Melody"/>). Blocks whose columns the recipe lacks stay empty. Not
/// thread-safe; one per track.
/// </summary>
internal sealed class CandidateBlockObserver : IFeatureFrameObserver
{
    /// <summary>MFCCs in the timbre block (1 … this; c0 is left to loudness like the descriptors).</summary>
    public const int MfccCount = 20;

    private static readonly string[] NoteKinds = ["notes", "harmony"];

    private int _logMelOffset = -1;
    private int _bands;
    private float[,] _dct = new float[0, 0];
    private double[] _timbreSum = [];
    private double[] _timbreSquares = [];
    private readonly List<(int Offset, int Width)> _noteSlices = [];
    private double[] _noteSum = [];
    private double[] _noteSquares = [];
    private long _frames;

    /// <summary>The timbre block once complete (empty when the recipe has no log-mel in dB).</summary>
    public float[] Timbre { get; private set; } = [];

    /// <summary>The note block once complete (empty when the recipe has no note kinds).</summary>
    public float[] Notes { get; private set; } = [];

    /// <summary>The note feature kinds the block was made of, in order.</summary>
    public List<string> NoteKindsSeen { get; } = [];

    public void OnStart(FeatureRecipe recipe, FeatureRecipeLayout layout)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(layout);
        int logMel = layout.OffsetOf("logMel");
        if (logMel >= 0 && recipe.Settings.LogScale == LogScaleKind.Decibels && recipe.Settings.MelBands > MfccCount)
        {
            _logMelOffset = logMel;
            _bands = recipe.Settings.MelBands;
            _dct = DctMatrix(_bands, MfccCount);
            _timbreSum = new double[_bands + MfccCount];
            _timbreSquares = new double[_timbreSum.Length];
        }

        foreach (string kind in NoteKinds)
        {
            int offset = layout.OffsetOf(kind);
            if (offset >= 0)
            {
                _noteSlices.Add((offset, layout.WidthOf(kind)));
                NoteKindsSeen.Add(kind);
            }
        }

        _noteSum = new double[_noteSlices.Sum(s => s.Width)];
        _noteSquares = new double[_noteSum.Length];
    }

    public void OnSamples(ReadOnlySpan<float> samples)
    {
    }

    public void OnFrame(long frameIndex, ReadOnlySpan<float> row)
    {
        _frames++;
        if (_logMelOffset >= 0)
        {
            ReadOnlySpan<float> mel = row.Slice(_logMelOffset, _bands);
            for (int b = 0; b < _bands; b++)
            {
                Add(_timbreSum, _timbreSquares, b, mel[b]);
            }

            for (int k = 0; k < MfccCount; k++)
            {
                double c = 0;
                for (int b = 0; b < _bands; b++)
                {
                    c += _dct[k, b] * mel[b];
                }

                Add(_timbreSum, _timbreSquares, _bands + k, c);
            }
        }

        int i = 0;
        foreach ((int offset, int width) in _noteSlices)
        {
            for (int c = 0; c < width; c++)
            {
                Add(_noteSum, _noteSquares, i++, row[offset + c]);
            }
        }
    }

    public void OnComplete(long totalSamples)
    {
        Timbre = MeansThenSpreads(_timbreSum, _timbreSquares, _frames);
        Notes = MeansThenSpreads(_noteSum, _noteSquares, _frames);
    }

    private static void Add(double[] sum, double[] squares, int index, double value)
    {
        sum[index] += value;
        squares[index] += value * value;
    }

    private static float[] MeansThenSpreads(double[] sum, double[] squares, long n)
    {
        if (n == 0 || sum.Length == 0)
        {
            return [];
        }

        var values = new float[2 * sum.Length];
        for (int i = 0; i < sum.Length; i++)
        {
            double mean = sum[i] / n;
            values[i] = (float)mean;
            values[sum.Length + i] = (float)Math.Sqrt(Math.Max(0, squares[i] / n - mean * mean));
        }

        return values;
    }

    // Rows 1 … count of the orthonormal DCT-II over `bands` inputs (row 0, the level, is left out).
    private static float[,] DctMatrix(int bands, int count)
    {
        var m = new float[count, bands];
        double scale = Math.Sqrt(2.0 / bands);
        for (int k = 1; k <= count; k++)
        {
            for (int b = 0; b < bands; b++)
            {
                m[k - 1, b] = (float)(scale * Math.Cos(Math.PI * k * (b + 0.5) / bands));
            }
        }

        return m;
    }
}
