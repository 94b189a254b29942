using MusicEmotion.Features;
using MusicEmotion.Features.Extraction;

namespace MusicEmotion.Inference.Prediction;

/// <summary>
/// Decides, second by second and while the audio streams in, whether a second holds music (<see cref="MusicPresence"/>).
/// Three measurements, all of the mono signal:
/// <list type="bullet">
/// <item>the second's RMS level: below <see cref="MusicDetectionOptions.SilenceThresholdDb"/> it is silence;</item>
/// <item>the spectral change around it: 32 Slaney mel bands (30 Hz to 8 kHz, 1024-point frames at 22.05 kHz) averaged
/// in dB over quarter-second blocks, each block floored 50 dB below its loudest band, and the mean absolute difference
/// per band between consecutive blocks from one second before to two seconds after the second;</item>
/// <item>the level variation around it: the standard deviation of the 50-ms RMS levels (above −90 dBFS) over the same
/// span.</item>
/// </list>
/// A second whose spectral change and level variation are both under their thresholds is a
/// <see cref="MusicPresence.SteadySignal"/>. Then a run of non-music seconds shorter than
/// <see cref="MusicDetectionOptions.MinimumGapSeconds"/> between two music seconds becomes music (a pause in a song).
/// A last partial second shorter than half a second takes the answer of the second before it.
/// A second's answer is final about <see cref="ContextAfterSeconds"/> + <see cref="MusicDetectionOptions.MinimumGapSeconds"/>
/// seconds after its audio arrives. Not thread-safe; one detector per signal. Memory: a few numbers per second.
/// </summary>
internal sealed class MusicPresenceDetector : IFeatureFrameSink
{
    /// <summary>Seconds of context before the second that the steadiness measures look at.</summary>
    public const int ContextBeforeSeconds = 1;

    /// <summary>Seconds of context after the second that the steadiness measures look at.</summary>
    public const int ContextAfterSeconds = 2;

    private const int BlocksPerSecond = 4;
    private const int SubBlocksPerSecond = 20;
    private const int MelBands = 32;
    private const double BlockFloorDb = 50.0;
    private const double LevelFloorDb = -90.0;

    private readonly MusicDetectionOptions _options;
    private readonly int _sampleRate;
    private readonly int _hop;
    private readonly IFeatureStream _mel;

    private readonly List<double> _secondLevelDb = [];
    private double _secondSumSquares;
    private int _secondSamples;

    private readonly int[] _subBlockEnds;     // sample offsets within a second where each 50-ms sub-block ends
    private readonly List<float> _subBlockDb = [];
    private double _subSumSquares;
    private int _subIndex;

    private readonly double[] _blockSum = new double[MelBands];
    private readonly float[] _previousBlock = new float[MelBands];
    private readonly float[] _currentBlock = new float[MelBands];
    private readonly List<float> _blockChange = [];   // [j]: change between block j and block j + 1
    private long _block = -1;
    private int _blockFrames;
    private bool _hasPreviousBlock;

    private readonly List<MusicPresence> _raw = [];
    private readonly List<MusicPresence> _final = [];
    private long _samples;
    private int _lastSecondSamples;
    private bool _completed;

    /// <summary>Creates a detector for mono audio at <paramref name="sampleRate"/>.</summary>
    public MusicPresenceDetector(int sampleRate, MusicDetectionOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 4000);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _sampleRate = sampleRate;
        int fft = 1024;
        while (fft * 22050L < 1024L * sampleRate * 3 / 4)
        {
            fft *= 2;
        }

        _hop = fft / 2;
        var settings = new FeatureSettings
        {
            SampleRate = sampleRate,
            FftSize = fft,
            HopLength = _hop,
            MelBands = MelBands,
            FMin = 30,
            FMax = Math.Min(8000, sampleRate / 2.0),
            TopDb = null,
        };
        _mel = FeatureExtractorFactory.Create(FeatureKind.LogMel, settings).CreateStream();
        _subBlockEnds = Enumerable.Range(1, SubBlocksPerSecond).Select(i => (int)((long)i * sampleRate / SubBlocksPerSecond)).ToArray();
    }

    /// <summary>Seconds whose answer is final.</summary>
    public int FinalSeconds => _final.Count;

    /// <summary>The final answers so far, second by second.</summary>
    public IReadOnlyList<MusicPresence> Final => _final;

    /// <summary>Feeds the next mono samples.</summary>
    public void Push(ReadOnlySpan<float> samples)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (!_options.Enabled)
        {
            _samples += samples.Length;
            int seconds = (int)(_samples / _sampleRate);
            while (_final.Count < seconds)
            {
                _final.Add(MusicPresence.Music);
            }

            return;
        }

        AccumulateLevels(samples);
        _mel.Push(samples, this);
        Classify();
    }

    /// <summary>Ends the signal: every started second gets its final answer.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _completed = true;
        int seconds = (int)((_samples + _sampleRate - 1) / _sampleRate);
        if (!_options.Enabled)
        {
            while (_final.Count < seconds)
            {
                _final.Add(MusicPresence.Music);
            }

            return;
        }

        _mel.Complete(this);
        if (_blockFrames > 0)
        {
            CloseBlock();
        }

        if (_subIndex < SubBlocksPerSecond && _secondSamples > 0)
        {
            int start = _subIndex == 0 ? 0 : _subBlockEnds[_subIndex - 1];
            int length = _secondSamples - start;
            if (length > 0)
            {
                _subBlockDb.Add((float)Decibels(_subSumSquares / length));
            }
        }

        _lastSecondSamples = _secondSamples > 0 ? _secondSamples : _sampleRate;
        if (_secondSamples > 0)
        {
            _secondLevelDb.Add(Decibels(_secondSumSquares / _secondSamples));
        }

        Classify();
    }

    void IFeatureFrameSink.OnFrame(long frameIndex, ReadOnlySpan<float> features)
    {
        long block = frameIndex * _hop * BlocksPerSecond / _sampleRate;
        if (block != _block && _blockFrames > 0)
        {
            CloseBlock();
        }

        _block = block;
        for (int b = 0; b < MelBands; b++)
        {
            _blockSum[b] += features[b];
        }

        _blockFrames++;
    }

    private void CloseBlock()
    {
        float max = float.NegativeInfinity;
        for (int b = 0; b < MelBands; b++)
        {
            _currentBlock[b] = (float)(_blockSum[b] / _blockFrames);
            max = Math.Max(max, _currentBlock[b]);
        }

        for (int b = 0; b < MelBands; b++)
        {
            _currentBlock[b] = Math.Max(_currentBlock[b], (float)(max - BlockFloorDb));
        }

        if (_hasPreviousBlock)
        {
            double change = 0;
            for (int b = 0; b < MelBands; b++)
            {
                change += Math.Abs(_currentBlock[b] - _previousBlock[b]);
            }

            _blockChange.Add((float)(change / MelBands));
        }

        _currentBlock.CopyTo(_previousBlock, 0);
        _hasPreviousBlock = true;
        Array.Clear(_blockSum);
        _blockFrames = 0;
    }

    private void AccumulateLevels(ReadOnlySpan<float> samples)
    {
        _samples += samples.Length;
        foreach (float x in samples)
        {
            double square = (double)x * x;
            _secondSumSquares += square;
            _subSumSquares += square;
            _secondSamples++;
            int subStart = _subIndex == 0 ? 0 : _subBlockEnds[_subIndex - 1];
            if (_secondSamples == _subBlockEnds[_subIndex])
            {
                _subBlockDb.Add((float)Decibels(_subSumSquares / (_secondSamples - subStart)));
                _subSumSquares = 0;
                _subIndex++;
            }

            if (_secondSamples == _sampleRate)
            {
                _secondLevelDb.Add(Decibels(_secondSumSquares / _sampleRate));
                _secondSumSquares = 0;
                _secondSamples = 0;
                _subIndex = 0;
            }
        }
    }

    private void Classify()
    {
        // Raw answers: as soon as a second's level and its context are known.
        while (_raw.Count < _secondLevelDb.Count)
        {
            int s = _raw.Count;
            int lastBlock = ((s + ContextAfterSeconds) * BlocksPerSecond) - 1;       // changes up to block lastBlock
            int lastSub = (s + ContextAfterSeconds) * SubBlocksPerSecond;
            if (!_completed && (_blockChange.Count < lastBlock || _subBlockDb.Count < lastSub))
            {
                break;
            }

            // A last partial second of under half a second (a decoder's tail) is judged with the second before it.
            bool shortTail = _completed && s == _secondLevelDb.Count - 1 && s > 0 && _lastSecondSamples * 2 < _sampleRate;
            _raw.Add(shortTail ? _raw[s - 1] : RawPresence(s));
        }

        // Final answers: short gaps inside music become music.
        while (_final.Count < _raw.Count)
        {
            int s = _final.Count;
            if (_raw[s] == MusicPresence.Music)
            {
                _final.Add(MusicPresence.Music);
                continue;
            }

            int end = s;
            while (end < _raw.Count && _raw[end] != MusicPresence.Music)
            {
                end++;
            }

            int start = s;
            while (start > 0 && _raw[start - 1] != MusicPresence.Music)
            {
                start--;
            }

            bool runKnown = end < _raw.Count || _completed;
            bool shortGap = start > 0 && end < _raw.Count && end - start < _options.MinimumGapSeconds;
            if (!runKnown && end - start < _options.MinimumGapSeconds)
            {
                break;                                                     // the run may still end in music soon
            }

            _final.Add(shortGap ? MusicPresence.Music : _raw[s]);
        }
    }

    private MusicPresence RawPresence(int second)
    {
        if (_secondLevelDb[second] < _options.SilenceThresholdDb)
        {
            return MusicPresence.Silence;
        }

        int firstChange = Math.Max(0, (second - ContextBeforeSeconds) * BlocksPerSecond);
        int lastChange = Math.Min(_blockChange.Count, ((second + ContextAfterSeconds) * BlocksPerSecond) - 1);
        double spectralChange = 0;
        for (int j = firstChange; j < lastChange; j++)
        {
            spectralChange += _blockChange[j];
        }

        spectralChange = lastChange > firstChange ? spectralChange / (lastChange - firstChange) : 0;

        int firstSub = Math.Max(0, (second - ContextBeforeSeconds) * SubBlocksPerSecond);
        int lastSub = Math.Min(_subBlockDb.Count, (second + ContextAfterSeconds) * SubBlocksPerSecond);
        double sum = 0, sumSquares = 0;
        int count = 0;
        for (int i = firstSub; i < lastSub; i++)
        {
            float level = _subBlockDb[i];
            if (level > LevelFloorDb)
            {
                sum += level;
                sumSquares += (double)level * level;
                count++;
            }
        }

        double levelVariation = count > 2 ? Math.Sqrt(Math.Max(0, (sumSquares / count) - ((sum / count) * (sum / count)))) : 0;
        bool steady = spectralChange < _options.SteadySpectralChangeDb && levelVariation < _options.SteadyLevelVariationDb;
        return steady ? MusicPresence.SteadySignal : MusicPresence.Music;
    }

    private static double Decibels(double meanSquare) => 10 * Math.Log10(Math.Max(meanSquare, 1e-12));
}
