namespace MusicEmotion.Features.Rhythm;

/// <summary>
/// Frame-local onset strength (spectral novelty), a streaming variant of <c>librosa.onset.onset_strength</c>:
/// <c>onset_t = mean_b max(0, D_t[b] - D_{t-1}[b])</c> with <c>D = max(floorDb, logMelDb)</c>, and <c>onset_0 = 0</c>.
/// </summary>
/// <remarks>
/// Differences from librosa: librosa clips the log-mel with a global <c>top_db</c> (80 dB below the track maximum) and
/// shifts the envelope by <c>n_fft/(2·hop)</c> frames; here a fixed floor (<see cref="FeatureSettings.OnsetFloorDb"/>,
/// default -80 dB re 1.0) replaces the global clip and no shift is applied, so the value of frame <c>t</c> only needs
/// frames <c>t-1</c> and <c>t</c>. Stateful, not thread-safe, no allocation per frame.
/// </remarks>
internal sealed class OnsetStrength
{
    private readonly float[] _previous;
    private readonly float _floorDb;
    private bool _hasPrevious;

    /// <summary>Creates the detector.</summary>
    /// <param name="bands">Number of log-mel bands.</param>
    /// <param name="floorDb">Floor applied to the dB values before differencing (default -80).</param>
    public OnsetStrength(int bands, double floorDb = -80.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        _previous = new float[bands];
        _floorDb = (float)floorDb;
    }

    /// <summary>Consumes the next log-mel frame (dB) and returns its onset strength.</summary>
    /// <param name="logMelDb">The frame's log-mel values in dB.</param>
    /// <returns>The onset strength (0 for the first frame).</returns>
    public float Next(ReadOnlySpan<float> logMelDb)
    {
        if (logMelDb.Length != _previous.Length)
        {
            throw new ArgumentException($"Expected {_previous.Length} bands, got {logMelDb.Length}.", nameof(logMelDb));
        }

        float sum = 0f;
        for (int b = 0; b < logMelDb.Length; b++)
        {
            float current = MathF.Max(logMelDb[b], _floorDb);
            if (_hasPrevious)
            {
                sum += MathF.Max(0f, current - _previous[b]);
            }

            _previous[b] = current;
        }

        _hasPrevious = true;
        return sum / logMelDb.Length;
    }

    /// <summary>Forgets the previous frame.</summary>
    public void Reset() => _hasPrevious = false;

    /// <summary>Computes the onset envelope of a whole log-mel (dB) matrix.</summary>
    /// <param name="logMelDb">Frames × bands, in dB.</param>
    /// <param name="floorDb">Floor in dB (default -80).</param>
    /// <returns>One value per frame.</returns>
    public static float[] Compute(FeatureMatrix logMelDb, double floorDb = -80.0)
    {
        ArgumentNullException.ThrowIfNull(logMelDb);
        var detector = new OnsetStrength(logMelDb.Width, floorDb);
        var envelope = new float[logMelDb.Frames];
        for (int t = 0; t < envelope.Length; t++)
        {
            envelope[t] = detector.Next(logMelDb.Row(t));
        }

        return envelope;
    }
}
