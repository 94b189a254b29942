using MusicEmotion.Features.Cepstral;
using MusicEmotion.Features.Extraction;
using MusicEmotion.Features.Rhythm;

namespace MusicEmotion.Features.Descriptors;

/// <summary>
/// Summarises a track's frames into <see cref="TrackDescriptors"/> in constant memory (plus one float per second for
/// the dynamic range): feed every frame's 21 descriptor columns (<see cref="DescriptorExtractor.ColumnNames"/> order)
/// and its log-mel in dB, in frame order, then call <see cref="Complete"/>. The frames are typically the ones an
/// emotion analysis already computes, so the descriptors cost no second decode or spectrum.
/// </summary>
/// <remarks>Not thread-safe; one accumulator per track. No allocation per frame.</remarks>
public sealed class TrackDescriptorAccumulator
{
    private const int Rms = 0, Loudness = 1, Centroid = 2, Bandwidth = 3, RollOff = 4, Flatness = 5, Flux = 6, Zcr = 7, Onset = 8, Chroma = 9;

    private readonly FeatureSettings _settings;
    private readonly Dct _dct;
    private readonly float[] _mfcc;
    private readonly double[] _sum;
    private readonly double[] _sumOfSquares;
    private readonly double[] _chromaSum = new double[12];
    private readonly TempoEstimator _tempo;
    private readonly OnsetRateCounter _onsets = new();
    private readonly List<float> _secondLoudness = [];
    private long _frames;
    private long _currentSecond;
    private double _secondPower;
    private int _secondFrames;

    // Columns whose mean and spread are tracked: the 9 scalar descriptors, then the MFCCs.
    private const int ScalarColumns = 9;

    /// <summary>Creates an accumulator for frames computed with <paramref name="settings"/>.</summary>
    /// <param name="settings">The settings of the frames (frame rate, mel bands, tempo range).</param>
    /// <exception cref="ArgumentException">The settings are invalid or have fewer mel bands than MFCCs needed.</exception>
    public TrackDescriptorAccumulator(FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (settings.MelBands < TrackDescriptors.MfccCount + 1)
        {
            throw new ArgumentException($"Track descriptors need at least {TrackDescriptors.MfccCount + 1} mel bands (settings have {settings.MelBands}).", nameof(settings));
        }

        _settings = settings;
        _dct = new Dct(settings.MelBands, TrackDescriptors.MfccCount + 1);
        _mfcc = new float[TrackDescriptors.MfccCount + 1];
        _sum = new double[ScalarColumns + TrackDescriptors.MfccCount];
        _sumOfSquares = new double[_sum.Length];
        _tempo = new TempoEstimator(settings.FrameRate, settings);
    }

    /// <summary>Frames added so far.</summary>
    public long Frames => _frames;

    /// <summary>Adds the next frame.</summary>
    /// <param name="descriptors">The frame's 21 descriptor columns, in <see cref="DescriptorExtractor.ColumnNames"/> order.</param>
    /// <param name="logMelDb">The frame's log-mel spectrum in dB (<see cref="FeatureSettings.MelBands"/> values).</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Add(ReadOnlySpan<float> descriptors, ReadOnlySpan<float> logMelDb)
    {
        if (descriptors.Length != DescriptorExtractor.ColumnNames.Count)
        {
            throw new ArgumentException($"Expected {DescriptorExtractor.ColumnNames.Count} descriptor columns, got {descriptors.Length}.", nameof(descriptors));
        }

        if (logMelDb.Length != _settings.MelBands)
        {
            throw new ArgumentException($"Expected {_settings.MelBands} log-mel bands, got {logMelDb.Length}.", nameof(logMelDb));
        }

        for (int c = 0; c < ScalarColumns; c++)
        {
            Accumulate(c, descriptors[c]);
        }

        _dct.Transform(logMelDb, _mfcc);
        for (int k = 1; k <= TrackDescriptors.MfccCount; k++)
        {
            Accumulate(ScalarColumns + k - 1, _mfcc[k]);
        }

        for (int p = 0; p < 12; p++)
        {
            _chromaSum[p] += descriptors[Chroma + p];
        }

        _tempo.Add(descriptors[Onset]);
        _onsets.Add(descriptors[Onset]);
        AddToSecond(descriptors[Rms]);
        _frames++;
    }

    /// <summary>Computes the descriptors of every frame added.</summary>
    /// <exception cref="InvalidOperationException">No frame was added.</exception>
    public TrackDescriptors Complete()
    {
        if (_frames == 0)
        {
            throw new InvalidOperationException("No frames were added: a track needs at least one frame for its descriptors.");
        }

        CloseSecond();
        _onsets.Complete();
        Span<float> chroma = stackalloc float[12];
        for (int p = 0; p < 12; p++)
        {
            chroma[p] = (float)(_chromaSum[p] / _frames);
        }

        MusicalKey key = KeyEstimator.Estimate(chroma, out double major, out double minor);
        double chromaTotal = 0;
        foreach (float c in chroma)
        {
            chromaTotal += c;
        }

        var values = new List<float>(TrackDescriptors.Names.Count)
        {
            (float)_tempo.Estimate(),
            Mean(Loudness),
            Deviation(Loudness),
            LoudnessRange(),
            Mean(Rms),
            Deviation(Rms),
        };
        for (int k = 0; k < TrackDescriptors.MfccCount; k++)
        {
            values.Add(Mean(ScalarColumns + k));
        }

        for (int k = 0; k < TrackDescriptors.MfccCount; k++)
        {
            values.Add(Deviation(ScalarColumns + k));
        }

        double seconds = _frames / _settings.FrameRate;
        values.AddRange(
        [
            Mean(Centroid),
            Deviation(Centroid),
            Mean(RollOff),
            Mean(Bandwidth),
            Mean(Flatness),
            (float)(_onsets.Onsets / Math.Max(seconds, 1e-9)),
            Mean(Flux),
            Deviation(Flux),
            Mean(Zcr),
        ]);
        for (int i = 0; i < 12; i++)
        {
            values.Add(chromaTotal > 0 ? (float)(chroma[(key.Tonic + i) % 12] / chromaTotal) : 1f / 12);
        }

        values.Add((float)key.Strength);
        values.Add((float)(major - minor));
        return new TrackDescriptors(values, key);
    }

    private void Accumulate(int column, float value)
    {
        _sum[column] += value;
        _sumOfSquares[column] += (double)value * value;
    }

    private float Mean(int column) => (float)(_sum[column] / _frames);

    private float Deviation(int column)
    {
        double mean = _sum[column] / _frames;
        return (float)Math.Sqrt(Math.Max(0, (_sumOfSquares[column] / _frames) - (mean * mean)));
    }

    private void AddToSecond(float rms)
    {
        long second = (long)(_frames / _settings.FrameRate);
        if (second != _currentSecond)
        {
            CloseSecond();
            _currentSecond = second;
        }

        _secondPower += (double)rms * rms;
        _secondFrames++;
    }

    private void CloseSecond()
    {
        if (_secondFrames > 0)
        {
            double power = _secondPower / _secondFrames;
            _secondLoudness.Add((float)(10 * Math.Log10(Math.Max(power, _settings.DbAmin))));
        }

        _secondPower = 0;
        _secondFrames = 0;
    }

    private float LoudnessRange()
    {
        float[] sorted = _secondLoudness.ToArray();
        Array.Sort(sorted);
        return Percentile(sorted, 0.9) - Percentile(sorted, 0.1);
    }

    private static float Percentile(float[] sorted, double p)
    {
        double rank = p * (sorted.Length - 1);
        int lower = (int)Math.Floor(rank);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return (float)(sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower)));
    }
}
