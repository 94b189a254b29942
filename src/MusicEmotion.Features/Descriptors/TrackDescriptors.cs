namespace MusicEmotion.Features.Descriptors;

/// <summary>
/// Track-level music descriptors: what a recommender used to take from a streaming service's audio features, computed
/// here from the library's frame features (one value per name of <see cref="Names"/>, in that order).
/// </summary>
/// <remarks>
/// <para>The descriptors, all summarising every frame of the track (see <see cref="TrackDescriptorAccumulator"/>):</para>
/// <list type="table">
/// <item><term><c>tempo_bpm</c></term><description>Tempo (<c>TempoEstimator</c> on the onset-strength envelope), BPM; 0 when none is found.</description></item>
/// <item><term><c>loudness_mean_db</c>, <c>loudness_std_db</c></term><description>Mean and standard deviation of the frame loudness <c>20·log10(rms)</c>, dB re full scale.</description></item>
/// <item><term><c>loudness_range_db</c></term><description>Dynamic range: 90th minus 10th percentile of the per-second loudness (dB of the second's mean power).</description></item>
/// <item><term><c>rms_mean</c>, <c>rms_std</c></term><description>Energy: mean and standard deviation of the frame RMS (linear, full scale 1).</description></item>
/// <item><term><c>mfcc1_mean</c> … <c>mfcc13_mean</c>, <c>mfcc1_std</c> … <c>mfcc13_std</c></term><description>Timbre: mean and standard deviation of MFCCs 1–13 (orthonormal DCT-II of the log-mel dB; coefficient 0, the overall level, is left to loudness).</description></item>
/// <item><term><c>centroid_mean_hz</c>, <c>centroid_std_hz</c></term><description>Brightness: spectral centroid mean and spread, Hz.</description></item>
/// <item><term><c>rolloff_mean_hz</c>, <c>bandwidth_mean_hz</c></term><description>Mean spectral roll-off (85 % of the magnitude) and bandwidth, Hz.</description></item>
/// <item><term><c>flatness_mean</c></term><description>Mean spectral flatness (0 = tonal, 1 = noise-like).</description></item>
/// <item><term><c>onset_rate</c></term><description>Note onsets per second (<see cref="OnsetRateCounter"/>).</description></item>
/// <item><term><c>flux_mean</c>, <c>flux_std</c></term><description>Spectral flux mean and spread: how fast the spectrum changes.</description></item>
/// <item><term><c>zcr_mean</c></term><description>Mean zero-crossing rate (noisiness, percussiveness).</description></item>
/// <item><term><c>chroma_rel_0</c> … <c>chroma_rel_11</c></term><description>Mean chroma profile rotated so the estimated tonic is bin 0 (bin <c>i</c> = <c>i</c> semitones above the tonic), scaled to sum 1: the tonal colour independent of the key.</description></item>
/// <item><term><c>key_strength</c></term><description>Correlation of the chroma profile with the best Krumhansl–Kessler key profile (<see cref="KeyEstimator"/>).</description></item>
/// <item><term><c>mode_strength</c></term><description>Best major-key correlation minus best minor-key correlation: positive leans major, negative minor.</description></item>
/// </list>
/// </remarks>
public sealed class TrackDescriptors
{
    /// <summary>Number of MFCCs summarised (coefficients 1 to 13).</summary>
    public const int MfccCount = 13;

    private static readonly (string Name, DescriptorGroup Group)[] Columns = CreateColumns();
    private static readonly Dictionary<string, int> IndexByName =
        Columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);

    private readonly float[] _values;

    /// <summary>Creates descriptors from values in the order of <see cref="Names"/>.</summary>
    /// <param name="values">One finite value per name.</param>
    /// <param name="key">The estimated key.</param>
    /// <exception cref="ArgumentException">The count is wrong or a value is not finite.</exception>
    public TrackDescriptors(IReadOnlyList<float> values, MusicalKey key)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Columns.Length)
        {
            throw new ArgumentException($"Track descriptors have {Columns.Length} values, not {values.Count}.", nameof(values));
        }

        if (values.Any(v => !float.IsFinite(v)))
        {
            throw new ArgumentException("Track descriptors must be finite.", nameof(values));
        }

        _values = values.ToArray();
        Key = key;
    }

    /// <summary>The descriptor names, in value order.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(Columns.Select(c => c.Name).ToArray());

    /// <summary>The values, in the order of <see cref="Names"/>.</summary>
    public IReadOnlyList<float> Values => _values;

    /// <summary>The estimated key (name and strength).</summary>
    public MusicalKey Key { get; }

    /// <summary>Tempo in BPM (0 when none was found).</summary>
    public float TempoBpm => this["tempo_bpm"];

    /// <summary>The value of descriptor <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is no such descriptor.</exception>
    public float this[string name] => _values[IndexOf(name)];

    /// <summary>Position of <paramref name="name"/> in <see cref="Names"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is no such descriptor.</exception>
    public static int IndexOf(string name) => IndexByName.TryGetValue(name, out int i)
        ? i
        : throw new KeyNotFoundException($"'{name}' is not a track descriptor (see TrackDescriptors.Names).");

    /// <summary>The group of the descriptor at <paramref name="index"/>.</summary>
    public static DescriptorGroup GroupOf(int index) => Columns[index].Group;

    /// <summary>A copy of the values.</summary>
    public float[] ToArray() => (float[])_values.Clone();

    private static (string, DescriptorGroup)[] CreateColumns()
    {
        var columns = new List<(string, DescriptorGroup)>
        {
            ("tempo_bpm", DescriptorGroup.Tempo),
            ("loudness_mean_db", DescriptorGroup.Loudness),
            ("loudness_std_db", DescriptorGroup.Loudness),
            ("loudness_range_db", DescriptorGroup.Loudness),
            ("rms_mean", DescriptorGroup.Loudness),
            ("rms_std", DescriptorGroup.Loudness),
        };
        columns.AddRange(Enumerable.Range(1, MfccCount).Select(i => ($"mfcc{i}_mean", DescriptorGroup.Timbre)));
        columns.AddRange(Enumerable.Range(1, MfccCount).Select(i => ($"mfcc{i}_std", DescriptorGroup.Timbre)));
        columns.AddRange(
        [
            ("centroid_mean_hz", DescriptorGroup.Brightness),
            ("centroid_std_hz", DescriptorGroup.Brightness),
            ("rolloff_mean_hz", DescriptorGroup.Brightness),
            ("bandwidth_mean_hz", DescriptorGroup.Brightness),
            ("flatness_mean", DescriptorGroup.Brightness),
            ("onset_rate", DescriptorGroup.Rhythm),
            ("flux_mean", DescriptorGroup.Rhythm),
            ("flux_std", DescriptorGroup.Rhythm),
            ("zcr_mean", DescriptorGroup.Rhythm),
        ]);
        columns.AddRange(Enumerable.Range(0, 12).Select(i => ($"chroma_rel_{i}", DescriptorGroup.Tonality)));
        columns.Add(("key_strength", DescriptorGroup.Tonality));
        columns.Add(("mode_strength", DescriptorGroup.Tonality));
        return columns.ToArray();
    }
}
