using MusicEmotion.Features.Spectral;

namespace MusicEmotion.Features.Extraction;

/// <summary>
/// Streams several built-in feature families at once from one framer and one spectrum per frame: every family of a
/// recipe (log-mel, MFCC, descriptors, in the order given) reads the same windowed FFT, mel power and decibels instead
/// of recomputing them. The columns of each frame are the families' columns concatenated.
/// </summary>
internal sealed class SpectralFeatureStream : FrameFeatureStream
{
    private readonly FrameSpectrum _spectrum;
    private readonly IFrameFeature[] _features;
    private readonly int[] _offsets;

    public SpectralFeatureStream(FeatureSettings settings, IReadOnlyList<IFrameFeature> features)
        : base(settings, features.Sum(f => f.Width))
    {
        _spectrum = new FrameSpectrum(settings);
        _features = features.ToArray();
        _offsets = new int[_features.Length];
        for (int i = 1; i < _features.Length; i++)
        {
            _offsets[i] = _offsets[i - 1] + _features[i - 1].Width;
        }
    }

    /// <summary>The families computed, in column order.</summary>
    public IReadOnlyList<IFrameFeature> Families => _features;

    protected override void ComputeFeatures(ReadOnlySpan<float> frame, Span<float> features)
    {
        _spectrum.Compute(frame);
        for (int i = 0; i < _features.Length; i++)
        {
            _features[i].Compute(frame, _spectrum, features.Slice(_offsets[i], _features[i].Width));
        }
    }

    /// <summary>The frame feature of a built-in kind.</summary>
    public static IFrameFeature Create(FeatureKind kind, FeatureSettings settings) => kind switch
    {
        FeatureKind.LogMel => new LogMelFrameFeature(settings),
        FeatureKind.Mfcc => new MfccFrameFeature(settings),
        FeatureKind.Descriptors => new DescriptorFrameFeature(settings),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown feature kind."),
    };
}
